package dev.provbench.task;

/**
 * What an extractor read from a reply.
 *
 * @param text  the output text, or null when nothing was found.
 * @param error why nothing was found, or null.
 */
public record Extracted(String text, String error) {
  static Extracted none(String error) {
    return new Extracted(null, error);
  }
}
