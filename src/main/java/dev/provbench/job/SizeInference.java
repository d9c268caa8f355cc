package dev.provbench.job;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's size label read from its id: the last {@code <number>b} standing alone ({@code llama-v3p1-70b-instruct}
 * gives {@code 70b}, {@code Meta-Llama-3.1-405B-Instruct} gives {@code 405b}), else {@link ModelSpec#UNKNOWN_SIZE}.
 */
final class SizeInference {
  private static final Pattern SIZE = Pattern.compile("(?i)(?<![0-9a-z.])(\\d+(?:\\.\\d+)?)b(?![a-z0-9])");

  private SizeInference() {}

  static String fromModelId(String modelId) {
    Matcher m = SIZE.matcher(modelId);
    String found = null;
    while (m.find()) found = m.group(1);
    return found == null ? ModelSpec.UNKNOWN_SIZE : found.toLowerCase(Locale.ROOT) + "b";
  }
}
