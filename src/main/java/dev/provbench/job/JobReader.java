package dev.provbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.input.YamlFields;
import dev.provbench.score.ScorerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a job file into an immutable {@link Job}, validating every field once, in the order of the file; each
 * concern has its reader or rule in this package. Errors name the file and field and say how to fix it.
 * Defaults are the records' constants ({@link Job}, {@link TaskSpec}, {@link ModelSpec}, {@link Timeouts#DEFAULTS},
 * {@link RetryPolicy#DEFAULTS}, {@link CommitPolicy#DEFAULTS}, {@link RateLimit#NONE}). Environment checks (API
 * keys) are separate: {@link #checkKeys}.
 */
public final class JobReader {
  private JobReader() {}

  public static Job read(Path file) {
    return read(StoragePath.local(file));
  }

  /** Reads a job file from a local path or any Hadoop file system ({@code hdfs://…}); its relative paths resolve beside it. */
  public static Job read(StoragePath file) {
    return parse(file, JobYaml.load(file));
  }

  static Job parse(StoragePath file, JsonNode root) {
    StoragePath dir = file.absolute().parent();
    YamlFields f = new YamlFields(file.toString(), "", root);
    String name = f.string("name", file.fileName().replaceFirst("\\.ya?ml$", ""));
    String runId = RunIdPolicy.read(f, name);
    boolean replay = f.has("trace");
    StoragePath dataset = replay && !f.has("dataset") ? null : dataset(f, dir);
    StoragePath output = dir.resolve(f.string("output", Job.DEFAULT_OUTPUT)).normalize();
    TaskSpec task = TaskReader.read(f, dir);
    TracePlan trace = TracePlanReader.read(f, dir, task);
    List<ScorerSpec> scorerSpecs = ScorerNames.read(f, task);
    if (task.isChat()) task = task.withChat(task.chat().withScorers(scorerSpecs));
    List<String> scorers = scorerSpecs.stream().map(ScorerSpec::name).toList();
    int trials = f.integer("trials", trace != null ? 1 : Job.DEFAULT_TRIALS, 1, "run each case at least once, e.g. `trials: 3`");
    int concurrency = f.integer("concurrency", ModelSpec.DEFAULT_CONCURRENCY, 1, "allow at least one request in flight per model");
    int partitions = f.integer("partitions_per_model", Job.DEFAULT_PARTITIONS_PER_MODEL, 1, "use at least one partition per model");
    Timeouts timeouts = PolicyReader.timeouts(f.object("timeouts"));
    RetryPolicy retry = PolicyReader.retry(f.object("retry"));
    CommitPolicy commit = PolicyReader.commit(f.object("commit"));
    List<ProviderSpec> providers = ProviderReader.read(f, concurrency);
    if (task.isChat()) task = task.withChat(task.chat().withScorers(ScorerNames.resolveJudges(f, task.chat().scorers(), providers, dir)));
    Double maxCost = f.number("max_cost", null, 0, Double.MAX_VALUE,
        "give the most the run may spend in US dollars, e.g. `max_cost: 25`, or leave it out for no cap");
    int taskSlots = f.integer("task_slots", Job.DEFAULT_TASK_SLOTS, 0,
        "give how many Spark tasks run the models at once, e.g. `task_slots: 4`, or 0 for the slots Spark has");
    LoadPlan load = LoadReader.read(f);
    AdaptivePlan adaptive = AdaptiveReader.read(f, providers, load);
    AuditPlan audit = AuditReader.read(f, providers, load, adaptive);
    if (audit != null) {
      trials = audit.samples();
      task = task.withSampling(audit.temperature(), audit.maxTokens());
      providers = AuditReader.withRequestFields(f, audit, providers, task);
    }
    conversationAlone(f, task, load, adaptive, audit);
    f.finish();
    PartitionRule.check(f, partitions, providers);
    return new Job(file, name, runId, dataset, output, task, scorers, trials, partitions, timeouts, retry, commit,
        providers, maxCost, taskSlots, load, adaptive, audit, trace);
  }

  /** A conversation's turns run in order within one cell group: ladders, rounds and audits plan single cells. */
  private static void conversationAlone(YamlFields f, TaskSpec task, LoadPlan load, AdaptivePlan adaptive, AuditPlan audit) {
    if (!task.isChat() || !task.chat().isConversation()) return;
    String fix = "run the conversations as a plain run (remove `%s:`), or use `type: chat` for single-turn cases";
    if (load != null) throw f.error("load", "a conversation task does not climb a load ladder", String.format(fix, "load"));
    if (adaptive != null) throw f.error("adaptive", "a conversation task does not run in adaptive rounds", String.format(fix, "adaptive"));
    if (audit != null) throw f.error("audit", "a conversation task cannot be audited", String.format(fix, "audit"));
  }

  private static StoragePath dataset(YamlFields f, StoragePath dir) {
    StoragePath dataset = dir.resolve(f.requiredString("dataset", "name the cases file, e.g. `dataset: ../data/factuality.json`"));
    if (!Storage.isFile(dataset)) {
      throw f.error("dataset", "file not found: " + dataset.normalize(), "check the path; it is relative to the job file's folder");
    }
    return dataset;
  }

  /** Rejects a run id that cannot name a results folder (a job's, or one given on the command line). */
  public static void checkRunId(String where, String runId) {
    RunIdPolicy.check(where, runId);
  }

  /** A fresh run id, {@code name-yyyyMMdd-HHmmss}. */
  public static String defaultRunId(String name) {
    return RunIdPolicy.fromName(name);
  }

  /** Infers a size label such as {@code 70b} from a model id, or {@link ModelSpec#UNKNOWN_SIZE}. */
  public static String inferSize(String modelId) {
    return SizeInference.fromModelId(modelId);
  }

  /** Fails when a provider's API key variable is unset, empty or unsendable; never shows the key. */
  public static void checkKeys(Job job, Map<String, String> env) {
    ApiKeyCheck.check(job, env);
  }
}
