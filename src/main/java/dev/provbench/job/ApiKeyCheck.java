package dev.provbench.job;

import dev.provbench.input.BadInputException;

import dev.provbench.score.LlmJudge;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;
import java.util.List;
import java.util.Map;

/**
 * Before a run: each provider's API key variable is set and holds a key that can be sent. Errors say where and
 * what is wrong, never the key itself.
 */
final class ApiKeyCheck {
  private ApiKeyCheck() {}

  static void check(Job job, Map<String, String> env) {
    for (int i = 0; i < job.providers().size(); i++) {
      ProviderSpec p = job.providers().get(i);
      if (p.apiKeyEnv() != null) {
        check(job.file() + ": providers[" + i + "].api_key_env", p.apiKeyEnv(), p.name(), env.get(p.apiKeyEnv()));
      }
    }
    if (job.task().chat() == null) return;
    List<ScorerSpec> scorers = job.task().chat().scorers();
    for (int i = 0; i < scorers.size(); i++) {
      ScorerSpec s = scorers.get(i);
      if (!s.type().equals(LlmJudge.NAME)) continue;
      String keyEnv = ScorerCatalog.cachedJudge(s).apiKeyEnv();
      if (keyEnv != null) check(job.file() + ": scorers[" + i + "]", keyEnv, "the LLM judge " + s.name(), env.get(keyEnv));
    }
  }

  private static void check(String where, String keyEnv, String owner, String value) {
    String variable = "environment variable " + keyEnv + " (API key of " + owner + ")";
    if (value == null || value.isBlank()) {
      throw new BadInputException(where, variable + " is not set",
          "export " + keyEnv + "=<your key> before running, or remove api_key_env for an endpoint without a key");
    }
    int bad = HeaderCharacters.firstUnsendable(value, false);
    if (bad >= 0) {
      throw new BadInputException(where, variable + " holds " + HeaderCharacters.describe(value, bad) + " at position "
          + (bad + 1) + " of " + value.length() + ", which cannot be sent", "export it again without spaces, quotes or line breaks");
    }
  }
}
