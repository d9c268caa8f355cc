package dev.provbench.job;

import dev.provbench.input.BadInputException;

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
      if (p.apiKeyEnv() != null) check(job.file() + ": providers[" + i + "].api_key_env", p, env.get(p.apiKeyEnv()));
    }
  }

  private static void check(String where, ProviderSpec p, String value) {
    String variable = "environment variable " + p.apiKeyEnv() + " (API key of " + p.name() + ")";
    if (value == null || value.isBlank()) {
      throw new BadInputException(where, variable + " is not set",
          "export " + p.apiKeyEnv() + "=<your key> before running, or remove api_key_env for an endpoint without a key");
    }
    int bad = HeaderCharacters.firstUnsendable(value, false);
    if (bad >= 0) {
      throw new BadInputException(where, variable + " holds " + HeaderCharacters.describe(value, bad) + " at position "
          + (bad + 1) + " of " + value.length() + ", which cannot be sent", "export it again without spaces, quotes or line breaks");
    }
  }
}
