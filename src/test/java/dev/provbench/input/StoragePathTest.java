package dev.provbench.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a path or URI given by the user resolves, and what an unreadable scheme says. */
class StoragePathTest {

  private static void resolves(String base, String child, String expected) {
    assertEquals(expected, StoragePath.of(base, "test").resolve(child).toString(), base + " + " + child);
  }

  @Test
  void childrenResolveAsTheirKindDoes() {
    resolves("hdfs://nn:8020/bench", "results", "hdfs://nn:8020/bench/results");
    resolves("hdfs://nn:8020/bench/", "run_id=r1", "hdfs://nn:8020/bench/run_id=r1");
    resolves("hdfs://nn:8020/bench/jobs", "../data/cases.jsonl", "hdfs://nn:8020/bench/data/cases.jsonl");
    resolves("hdfs://nn:8020/bench", "/shared/cases.jsonl", "hdfs://nn:8020/shared/cases.jsonl");
    resolves("hdfs://nn:8020/bench", "s3a://bucket/results", "s3a://bucket/results");
    resolves("s3a://bucket", "results", "s3a://bucket/results");
    resolves("jobs", "results", Path.of("jobs", "results").toString());
    resolves("/tmp/jobs", "hdfs://nn/results", "hdfs://nn/results");
  }

  @Test
  void localPathsStayPaths() {
    assertTrue(StoragePath.of("results", "test").isLocal());
    assertEquals(StoragePath.local(Path.of("/tmp/x")), StoragePath.of("file:///tmp/x", "test"));
    assertEquals("results", StoragePath.of("results", "test").toString());
    assertEquals(Path.of("c:/x").toString(), StoragePath.of("c:/x", "test").toString(), "one letter is no scheme");
  }

  @Test
  void parentsAndNames() {
    StoragePath job = StoragePath.of("hdfs://nn:8020/bench/jobs/job.yaml", "test");
    assertEquals("job.yaml", job.fileName());
    assertEquals("hdfs://nn:8020/bench/jobs/", job.parent().toString());
    assertEquals("hdfs://nn:8020/bench/jobs/cases.jsonl", job.parent().resolve("cases.jsonl").toString());
    assertEquals(null, StoragePath.of("hdfs://nn:8020/", "test").parent());
  }

  @Test
  void aSchemeWithoutItsConnectorNamesThePathAndTheJarToAdd() {
    String s3 = assertThrows(BadInputException.class, () -> Storage.exists(StoragePath.of("s3a://bucket/results", "t")))
        .getMessage();
    assertTrue(s3.startsWith("s3a://bucket/results: no FileSystem for scheme s3a. Fix: add org.apache.hadoop:hadoop-aws:"), s3);
    String other = assertThrows(BadInputException.class, () -> Storage.exists(StoragePath.of("nosuch://x/y", "t")))
        .getMessage();
    assertEquals("nosuch://x/y: no FileSystem for scheme nosuch. Fix: add the Hadoop connector for `nosuch` to the classpath"
        + " (e.g. spark-submit --packages), or use hdfs:// or a local path", other);
  }
}
