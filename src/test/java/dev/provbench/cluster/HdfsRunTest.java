package dev.provbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.cli.Main;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose job file, dataset, template and results all live on a real HDFS (a MiniDFSCluster in this JVM on
 * 127.0.0.1): stopped part-way by its spending cap, resumed with {@code --resume}, it ends with every cell exactly
 * one row on HDFS, and {@code analyze} and {@code report} read them from there.
 */
@Slow("starts a MiniDFSCluster and runs, stops and resumes a job on it")
class HdfsRunTest {
  private static final String PROFILE = """
      time_scale: 1
      seed: 11
      providers:
        - name: Dear
          path: /dear
          models: [{id: dear-8b, ttft_ms: 20, tokens_per_s: 1000}]
      """;
  private static final int CELLS = 4 * 3;

  @TempDir
  Path dir;

  private MiniDFSCluster hdfs;
  private FileSystem fs;
  private String root;

  private record Cli(int exit, String out) {}

  @BeforeEach
  void startHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
    conf.set(DFSConfigKeys.DFS_NAMENODE_HTTP_ADDRESS_KEY, "127.0.0.1:0");
    conf.set(DFSConfigKeys.DFS_DATANODE_ADDRESS_KEY, "127.0.0.1:0");
    conf.set(DFSConfigKeys.DFS_DATANODE_HTTP_ADDRESS_KEY, "127.0.0.1:0");
    conf.set(DFSConfigKeys.DFS_DATANODE_IPC_ADDRESS_KEY, "127.0.0.1:0");
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    root = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
    fs = FileSystem.get(URI.create(root), conf);
  }

  @AfterEach
  void stopHdfs() {
    if (hdfs != null) hdfs.shutdown(true);
  }

  private static Cli run(String... args) {
    PrintStream console = System.out;
    PrintStream errors = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      return new Cli(Main.execute(args), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(console);
      System.setErr(errors);
    }
  }

  /** Writes the cases, template and job locally, then puts them on HDFS under /bench/jobs; returns the job's URI. */
  private String putJob(SimulatedProviders sim) throws Exception {
    Path local = dir.resolve("local");
    JudgeCases.write(local, 4);
    Files.writeString(local.resolve("job.yaml"), """
        run_id: capped
        dataset: cases.jsonl
        task: {template: judge.yaml, max_tokens: 256}
        trials: 3
        concurrency: 1
        providers:
          - {name: Dear, base_url: %s, models: [{id: dear-8b, price: {input_per_1m: 1000, output_per_1m: 1000}}]}
        """.formatted(sim.baseUrl("Dear")));
    for (String f : List.of("job.yaml", "cases.jsonl", "judge.yaml")) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.resolve(f).toUri()),
          new org.apache.hadoop.fs.Path(root + "/bench/jobs/" + f));
    }
    return root + "/bench/jobs/job.yaml";
  }

  @Test
  void aCappedRunOnHdfsResumesToOneRowPerCellAndIsAnalysedFromThere() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "hdfs profile"), 0)) {
      String job = putJob(sim);
      String out = root + "/bench/results";

      Cli capped = run("run", job, "--out", out, "--max-cost", "1.5", "--yes", "--progress-seconds", "0");
      assertEquals(Main.EXIT_INCOMPLETE, capped.exit(), capped.out());
      assertTrue(sim.awaitIdle(10_000));
      assertTrue(capped.out().contains("stopped at the spending cap: $"), capped.out());
      assertTrue(capped.out().contains("to finish: provbench run " + job + " --resume capped"), capped.out());
      long before = rows(out).size();
      assertTrue(before > 0 && before < CELLS, "stopped part-way: " + before);
      assertEquals(before, sim.requestLog().size(), "every call made is a row");

      Cli resumed = run("run", job, "--out", out, "--resume", "capped", "--max-cost", "100", "--progress-seconds", "0");
      assertEquals(0, resumed.exit(), resumed.out());
      assertTrue(sim.awaitIdle(10_000));
      List<Row> all = rows(out);
      assertEquals(CELLS, all.size());
      assertEquals(CELLS, all.stream().map(r -> r.getString(0)).distinct().count(), "each cell once");
      assertEquals(CELLS, sim.requestLog().size(), "each cell called exactly once over both executions");
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(out + "/_provbench.json")), "the format marker is on HDFS");
      for (FileStatus f : fs.listStatus(new org.apache.hadoop.fs.Path(out + "/run_id=capped"))) {
        assertTrue(!f.getPath().getName().startsWith("_tmp-"), "no hidden chunk left behind: " + f.getPath());
      }

      Cli analyzed = run("analyze", out, "--format", "csv");
      assertEquals(0, analyzed.exit(), analyzed.out());
      assertTrue(analyzed.out().contains("dear-8b"), analyzed.out());

      Cli report = run("report", out, "--out", dir.resolve("report").toString());
      assertEquals(0, report.exit(), report.out());
      assertTrue(Files.readString(dir.resolve("report").resolve("report.html")).contains("dear-8b"));
    }
  }

  @Test
  void missingFilesOnHdfsAreNamedWithTheFix() throws Exception {
    Cli results = run("analyze", root + "/nothing-here");
    assertEquals(Main.EXIT_BAD_INPUT, results.exit(), results.out());
    assertTrue(results.out().contains("error: " + root + "/nothing-here: results folder not found. Fix: pass the folder"),
        results.out());

    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "hdfs profile"), 0)) {
      String job = putJob(sim);
      fs.delete(new org.apache.hadoop.fs.Path(root + "/bench/jobs/cases.jsonl"), false);
      Cli dataset = run("validate", job);
      assertEquals(Main.EXIT_BAD_INPUT, dataset.exit(), dataset.out());
      assertTrue(dataset.out().contains("error: " + job + ": dataset: file not found: " + root
          + "/bench/jobs/cases.jsonl. Fix: check the path; it is relative to the job file's folder"), dataset.out());
    }
  }

  /** cell_id and cost_usd of the run's rows, read from HDFS. */
  private static List<Row> rows(String results) {
    return SparkTestSession.get().read().parquet(results).where("run_id = 'capped'")
        .orderBy("finished_at").select("cell_id", "cost_usd").collectAsList();
  }
}
