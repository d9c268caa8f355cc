package dev.provbench.results;

import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The cells a run has already committed: what a resumed run or a retried task must not call again. */
public final class CommittedCells {
  private CommittedCells() {}

  /** Cell ids in the run's results, read by Spark on the driver. */
  public static Set<String> ofRun(SparkSession spark, StoragePath output, String runId) {
    Set<String> out = new HashSet<>();
    if (!Storage.isDirectory(ResultsFolder.runDir(output, runId))) return out;
    for (Row r : RunRows.of(spark, output, runId).select("cell_id").distinct().collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  /** Cell ids in the files an earlier attempt of this partition committed, read on the executor. */
  public static Set<String> ofPartition(Path runDir, String partitionPrefix, Configuration conf) {
    Set<String> out = new HashSet<>();
    try {
      FileSystem fs = runDir.getFileSystem(conf);
      if (!fs.exists(runDir)) return out;
      Configuration projected = new Configuration(conf);
      projected.set(ReadSupport.PARQUET_READ_SCHEMA, "message cells { required binary cell_id (STRING); }");
      for (FileStatus f : fs.listStatus(runDir, p -> p.getName().startsWith(partitionPrefix) && p.getName().endsWith(".parquet"))) {
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), f.getPath()).withConf(projected).build()) {
          for (Group g = reader.read(); g != null; g = reader.read()) out.add(g.getString("cell_id", 0));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read committed results in " + runDir, e);
    }
    return out;
  }
}
