package dev.provbench.sim;

/** A profile that cannot be served. The message names the file, the field, the problem and the fix. */
public final class SimProfileException extends RuntimeException {

  SimProfileException(String where, String problem, String fix) {
    super(where + ": " + problem + (fix == null || fix.isEmpty() ? "" : ". Fix: " + fix));
  }

  SimProfileException(String where, String problem, String fix, Throwable cause) {
    super(where + ": " + problem + (fix == null || fix.isEmpty() ? "" : ". Fix: " + fix), cause);
  }
}
