package dev.provbench.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/** Reads a server's requested wait: {@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date. */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait in milliseconds (never negative), or null when the headers ask for none or cannot be read. */
  static Long millis(Headers headers, Instant now) {
    String ms = headers.get("retry-after-ms");
    if (ms != null) {
      try {
        return Math.max(0, Math.round(Double.parseDouble(ms.trim())));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    String value = headers.get("Retry-After");
    if (value == null || value.isBlank()) return null;
    try {
      return Math.max(0, Math.round(Double.parseDouble(value.trim()) * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Math.max(0, Duration.between(now, at).toMillis());
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
