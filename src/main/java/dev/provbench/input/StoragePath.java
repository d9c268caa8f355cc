package dev.provbench.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a job file, dataset, template or results folder lives: a local path, or a Hadoop file-system URI
 * ({@code hdfs://namenode:8020/bench/results}, {@code s3a://bucket/results}). A {@code file:} URI is a local
 * path. Local paths behave exactly as {@link Path} does (relative ones stay relative); URIs resolve children
 * and {@code ..} as URIs do. An immutable value; {@link Storage} reads and writes what it names.
 */
public final class StoragePath {
  /** A scheme of two or more letters before {@code :/}; one letter would be a Windows drive. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

  private final Path local;
  private final URI remote;

  private StoragePath(Path local, URI remote) {
    this.local = local;
    this.remote = remote;
  }

  /** Parses a command-line or job-file value; {@code where} names it in the error when it is no valid URI. */
  public static StoragePath of(String text, String where) {
    if (!SCHEME.matcher(text).matches()) return local(Path.of(text));
    URI uri;
    try {
      uri = new URI(text).normalize();
    } catch (URISyntaxException e) {
      throw new BadInputException(where, "not a valid URI: `" + text + "` (" + e.getReason() + ")",
          "write it as scheme://host:port/path, e.g. hdfs://namenode:8020/bench/results, or give a local path");
    }
    return uri.getScheme().equalsIgnoreCase("file") ? local(Path.of(uri)) : new StoragePath(null, uri);
  }

  /** For picocli: a value given on the command line. */
  public static StoragePath valueOf(String text) {
    return of(text, text);
  }

  public static StoragePath local(Path path) {
    return new StoragePath(Objects.requireNonNull(path), null);
  }

  public boolean isLocal() {
    return local != null;
  }

  /** The local path; fails for a URI (callers that can only write locally, such as the HTML report). */
  public Path localPath() {
    if (local == null) throw new IllegalStateException(remote + " is not a local path");
    return local;
  }

  /** A child (a name or a relative path such as {@code ../data/cases.jsonl}) or, when absolute or a URI, that path. */
  public StoragePath resolve(String other) {
    if (SCHEME.matcher(other).matches()) return of(other, other);
    if (local != null) return local(local.resolve(other));
    try {
      URI child = new URI(null, null, other, null);
      String path = remote.getPath() == null || remote.getPath().isEmpty() ? "/" : remote.getPath();
      URI base = new URI(remote.getScheme(), remote.getAuthority(), path.endsWith("/") ? path : path + "/", null, null);
      return new StoragePath(null, base.resolve(child).normalize());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot resolve `" + other + "` against " + remote, e);
    }
  }

  /** The enclosing folder, or null at the root. */
  public StoragePath parent() {
    if (local != null) return local.getParent() == null ? null : local(local.getParent());
    String path = remote.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) return null;
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    try {
      return new StoragePath(null, new URI(remote.getScheme(), remote.getAuthority(),
          trimmed.substring(0, trimmed.lastIndexOf('/') + 1), null, null));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The last name, e.g. {@code job.yaml}. */
  public String fileName() {
    if (local != null) return local.getFileName() == null ? "" : local.getFileName().toString();
    String path = remote.getPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** Absolute and without {@code .} or {@code ..}; a URI already is. */
  public StoragePath absolute() {
    return local != null ? local(local.toAbsolutePath().normalize()) : this;
  }

  public StoragePath normalize() {
    return local != null ? local(local.normalize()) : this;
  }

  /** The scheme ({@code hdfs}, {@code s3a}), or {@code file} for a local path. */
  public String scheme() {
    return local != null ? "file" : remote.getScheme();
  }

  /** A URI that Hadoop and Spark read: {@code file:///…} for a local path. */
  public URI toUri() {
    return local != null ? local.toAbsolutePath().toUri() : remote;
  }

  /** The path as the user wrote it (local) or the URI; what Spark's readers take and what messages show. */
  @Override
  public String toString() {
    return local != null ? local.toString() : remote.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoragePath p && Objects.equals(local, p.local) && Objects.equals(remote, p.remote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(local, remote);
  }
}
