package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.job.ProviderSpec;
import dev.provbench.run.PreparedRun;
import dev.provbench.sim.SimProfile;
import dev.provbench.task.ExtractorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code demo --workload}: each name's job and profile, and the long-context job passing every check before a request. */
class DemoWorkloadTest {

  private static final EnumWordConverter<DemoRun.Workload> WORKLOADS = new EnumWordConverter<>(DemoRun.Workload.class, "workload");

  private static void workload(String name, String job, String profile) {
    DemoRun.Workload w = WORKLOADS.convert(name);
    assertEquals(job, w.job(), name);
    assertEquals(profile, w.profile(), name);
  }

  @Test
  void eachWorkloadNamesItsJobAndProfile() {
    workload("reference", "jobs/demo.yaml", "data/sim/demo-profile.yaml");
    workload("long-context", "jobs/long-context.yaml", "data/sim/long-context-profile.yaml");
    workload("load", "jobs/load-demo.yaml", "data/sim/load-profile.yaml");
    workload("adaptive", "jobs/adaptive.yaml", "data/sim/demo-profile.yaml");
    workload("audit", "jobs/audit.yaml", "data/sim/audit-profile.yaml");
    workload("chat", "jobs/chat.yaml", "data/sim/chat-profile.yaml");
    workload("trace", "jobs/trace.yaml", "data/sim/trace-profile.yaml");
    TypeConversionException e = assertThrows(TypeConversionException.class, () -> WORKLOADS.convert("longcontext"));
    assertEquals("unknown workload `longcontext`; use one of reference, long-context, load, adaptive, audit, chat, trace", e.getMessage());
    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("demo", "--workload", "nope"));
  }

  @Test
  void theLongContextJobPreparesAgainstItsProfile() {
    PreparedRun run = PreparedRun.prepare(JobReader.read(Path.of("jobs/long-context.yaml")), Map.of());
    Job job = run.job();
    assertEquals(32, run.cases().size());
    assertEquals(List.of("ExactMatch", "Levenshtein", "judge", "NonNull"), job.scorers());
    assertEquals(ExtractorSpec.REGEX, job.task().chat().extractor().type());
    assertTrue(job.task().stream(), "streamed, so cells carry ttft_ms");
    SimProfile profile = SimProfile.load(Path.of("data/sim/long-context-profile.yaml"));
    for (ProviderSpec p : job.providers()) {
      assertTrue(profile.provider(p.name()).isPresent(), p.name() + " is played by the profile");
    }
  }
}
