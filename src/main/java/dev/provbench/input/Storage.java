package dev.provbench.input;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.util.VersionInfo;

/**
 * Reads and writes files named by a {@link StoragePath}: local paths through {@code java.nio} exactly as before,
 * URIs through Hadoop's {@link FileSystem} with the driver's Hadoop configuration ({@code core-site.xml} and
 * {@code hdfs-site.xml} on the classpath, plus every {@code spark.hadoop.*} system property that spark-submit sets,
 * as Spark itself adds them). Stateless; Hadoop caches one FileSystem per scheme and authority.
 */
public final class Storage {
  /** The connector that brings each object-store scheme, for the "no FileSystem for scheme" fix. */
  private static final Map<String, String> CONNECTORS = Map.of(
      "s3a", "org.apache.hadoop:hadoop-aws:%s (with its AWS SDK bundle)",
      "gs", "com.google.cloud.bigdataoss:gcs-connector (hadoop3 build)",
      "abfs", "org.apache.hadoop:hadoop-azure:%s",
      "abfss", "org.apache.hadoop:hadoop-azure:%s",
      "wasbs", "org.apache.hadoop:hadoop-azure:%s");

  private Storage() {}

  public static boolean exists(StoragePath p) {
    if (p.isLocal()) return Files.exists(p.localPath());
    return status(p) != null;
  }

  public static boolean isDirectory(StoragePath p) {
    if (p.isLocal()) return Files.isDirectory(p.localPath());
    FileStatus s = status(p);
    return s != null && s.isDirectory();
  }

  public static boolean isFile(StoragePath p) {
    if (p.isLocal()) return Files.isRegularFile(p.localPath());
    FileStatus s = status(p);
    return s != null && s.isFile();
  }

  /** Whether this user may create files in an existing folder (local: the permission bits; HDFS: its access check). */
  public static boolean isWritable(StoragePath folder) {
    if (folder.isLocal()) return Files.isWritable(folder.localPath());
    try {
      fileSystem(folder).access(hadoop(folder), FsAction.WRITE);
      return true;
    } catch (AccessControlException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check write access to " + folder, e);
    }
  }

  public static InputStream open(StoragePath p) throws IOException {
    if (p.isLocal()) return Files.newInputStream(p.localPath());
    return fileSystem(p).open(hadoop(p));
  }

  public static String readString(StoragePath p) throws IOException {
    try (InputStream in = open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Writes a small file whole, creating its folder; replaces an existing file. */
  public static void writeString(StoragePath p, String text) throws IOException {
    if (p.isLocal()) {
      Files.createDirectories(p.localPath().toAbsolutePath().getParent());
      Files.writeString(p.localPath(), text);
      return;
    }
    try (OutputStream out = fileSystem(p).create(hadoop(p), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The names of a folder's entries, sorted; none when it does not exist. */
  public static List<String> list(StoragePath folder) throws IOException {
    if (!isDirectory(folder)) return List.of();
    if (folder.isLocal()) {
      try (Stream<java.nio.file.Path> entries = Files.list(folder.localPath())) {
        return entries.map(e -> e.getFileName().toString()).sorted().toList();
      }
    }
    return Arrays.stream(fileSystem(folder).listStatus(hadoop(folder))).map(s -> s.getPath().getName())
        .sorted().toList();
  }

  public static void createDirectories(StoragePath p) throws IOException {
    if (p.isLocal()) Files.createDirectories(p.localPath());
    else if (!fileSystem(p).mkdirs(hadoop(p))) throw new IOException("cannot create " + p);
  }

  /**
   * Moves a file or folder to a name that does not exist yet, creating the target's parent. One atomic rename on
   * a local disk and on HDFS; on an object store (S3) a folder's rename is a copy of each object, then a delete.
   */
  public static void move(StoragePath from, StoragePath to) throws IOException {
    if (from.isLocal() && to.isLocal()) {
      Files.move(from.localPath(), to.localPath());
      return;
    }
    FileSystem fs = fileSystem(from);
    if (to.parent() != null) fs.mkdirs(hadoop(to.parent()));
    if (fs.exists(hadoop(to))) throw new IOException(to + " exists already");
    if (!fs.rename(hadoop(from), hadoop(to))) throw new IOException("cannot rename " + from + " to " + to);
  }

  /** The driver's Hadoop configuration: the classpath's site files plus {@code spark.hadoop.*} system properties. */
  public static Configuration configuration() {
    Configuration conf = new Configuration();
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop."))
        .forEach(k -> conf.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
    return conf;
  }

  /**
   * The file system holding a URI; a scheme without a connector on the classpath is bad input that names the
   * path and the connector to add.
   */
  public static FileSystem fileSystem(StoragePath p) {
    try {
      return FileSystem.get(p.toUri(), configuration());
    } catch (UnsupportedFileSystemException e) {
      throw noConnector(p, e);
    } catch (RuntimeException e) {
      // A scheme Hadoop's defaults map to a class that is not on the classpath (s3a without hadoop-aws).
      if (e.getCause() instanceof ClassNotFoundException) throw noConnector(p, e);
      throw e;
    } catch (IOException e) {
      throw new BadInputException(p.toString(), "cannot reach its file system: " + e.getMessage(),
          "check the host and port in the URI and that the cluster's Hadoop configuration is on the classpath", e);
    }
  }

  private static BadInputException noConnector(StoragePath p, Exception cause) {
    return new BadInputException(p.toString(), "no FileSystem for scheme " + p.scheme(), connectorFix(p.scheme()), cause);
  }

  static String connectorFix(String scheme) {
    String connector = CONNECTORS.get(scheme.toLowerCase(Locale.ROOT));
    String add = connector == null ? "the Hadoop connector for `" + scheme + "`"
        : connector.formatted(VersionInfo.getVersion());
    return "add " + add + " to the classpath (e.g. spark-submit --packages), or use hdfs:// or a local path";
  }

  private static Path hadoop(StoragePath p) {
    return new Path(p.toUri());
  }

  private static FileStatus status(StoragePath p) {
    try {
      return fileSystem(p).getFileStatus(hadoop(p));
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new BadInputException(p.toString(), "cannot be read: " + e.getMessage(),
          "check the URI and that this user may read it", e);
    }
  }
}
