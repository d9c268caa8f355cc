package dev.provbench.input;

/**
 * Input that cannot be run: a job file, dataset row, template or environment. The message names the
 * file, the field or line, what is wrong and how to fix it; it never contains a secret.
 */
public final class BadInputException extends RuntimeException {

  public BadInputException(String where, String problem, String fix) {
    super(where + ": " + problem + (fix == null || fix.isEmpty() ? "" : ". Fix: " + fix));
  }

  public BadInputException(String where, String problem, String fix, Throwable cause) {
    super(where + ": " + problem + (fix == null || fix.isEmpty() ? "" : ". Fix: " + fix), cause);
  }
}
