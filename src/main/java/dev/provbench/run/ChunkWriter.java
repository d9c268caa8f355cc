package dev.provbench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.sql.Row;

/**
 * Commits a partition's rows in chunks while the run goes: every {@code everyCells} rows or
 * {@code everyMs} milliseconds, whichever comes first, the buffered rows become one Parquet file,
 * written under a hidden name and renamed into place, so a crash or kill loses at most the uncommitted
 * rows and never leaves half a file that readers would see. One per task; not thread-safe. The folder may be on any
 * Hadoop file system: the rename is atomic on HDFS; on S3 it is a copy whose target appears whole, which is all
 * this needs (docs/RUNNING.md).
 */
final class ChunkWriter implements AutoCloseable {
  private final Path runDir;
  private final String prefix;
  private final Configuration conf;
  private final int everyCells;
  private final long everyMs;
  private final List<Row> buffer = new ArrayList<>();
  private long lastCommitNanos = System.nanoTime();
  private int sequence;
  private long committed;

  /** @param prefix names this task attempt's files, e.g. {@code part-p00003-20261127201500ab12-a0}. */
  ChunkWriter(Path runDir, String prefix, Configuration conf, int everyCells, long everyMs) {
    this.runDir = runDir;
    this.prefix = prefix;
    this.conf = conf;
    this.everyCells = everyCells;
    this.everyMs = everyMs;
  }

  void add(Row row) {
    addAll(List.of(row));
  }

  /** Adds rows that are committed together, in one chunk. */
  void addAll(List<Row> rows) {
    buffer.addAll(rows);
    if (buffer.size() >= everyCells || (System.nanoTime() - lastCommitNanos) / 1_000_000 >= everyMs) commit();
  }

  /** Rows made durable so far. */
  long committed() {
    return committed;
  }

  void commit() {
    lastCommitNanos = System.nanoTime();
    if (buffer.isEmpty()) return;
    String name = String.format("%s-c%05d.parquet", prefix, sequence++);
    Path hidden = new Path(runDir, "_tmp-" + name);
    Path visible = new Path(runDir, name);
    try {
      FileSystem fs = runDir.getFileSystem(conf);
      try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(hidden, conf))
          .withType(ParquetCellFormat.SCHEMA).withConf(conf)
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
        for (Row r : buffer) writer.write(ParquetCellFormat.toGroup(r));
      }
      if (fs.exists(visible)) throw new IOException(visible + " exists already; committed results are never overwritten");
      if (!fs.rename(hidden, visible)) throw new IOException("cannot rename " + hidden + " to " + visible);
      fs.delete(new Path(runDir, "._tmp-" + name + ".crc"), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit results to " + visible, e);
    }
    committed += buffer.size();
    buffer.clear();
  }

  @Override
  public void close() {
    commit();
  }
}
