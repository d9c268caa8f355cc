package dev.provbench.job;

import dev.provbench.input.YamlFields;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A provider's extra {@code headers}: valid HTTP names, values that can be sent on one line, and no
 * {@code Authorization} (that one comes from {@code api_key_env}, so a key never sits in the job file).
 */
final class HeaderRule {
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private HeaderRule() {}

  static Map<String, String> read(YamlFields provider) {
    Map<String, String> headers = provider.stringMap("headers");
    headers.forEach((name, value) -> check(provider, name, value));
    return headers;
  }

  static void check(YamlFields provider, String name, String value) {
    String field = "headers." + name;
    if (name.equalsIgnoreCase("authorization")) {
      throw provider.error(field, "the Authorization header is set from api_key_env", "remove it and set api_key_env");
    }
    if (!HEADER_NAME.matcher(name).matches()) {
      throw provider.error(field, "is not a valid HTTP header name", "use letters, digits and dashes, e.g. `X-Team`");
    }
    int bad = HeaderCharacters.firstUnsendable(value, true);
    if (bad >= 0) {
      throw provider.error(field, "value has a character that cannot be sent in an HTTP header ("
          + HeaderCharacters.describe(value, bad) + " at position " + (bad + 1) + ")", "use printable ASCII on one line");
    }
  }
}
