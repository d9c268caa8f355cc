package dev.provbench.job;

import dev.provbench.input.YamlFields;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A {@code base_url}: an http(s) URL with a host, no credentials or query (keys belong in {@code api_key_env}),
 * not ending in {@code /chat/completions} (appended by the client). Read without its trailing slash.
 */
final class BaseUrlRule {
  private BaseUrlRule() {}

  /** A provider's own URL, which it must have. */
  static String required(YamlFields provider) {
    String url = provider.requiredString("base_url",
        "give the OpenAI-compatible endpoint, e.g. `base_url: https://api.together.xyz/v1`");
    return checked(provider, url);
  }

  /** A model's own URL, or null to use its provider's. */
  static String optional(YamlFields model) {
    String url = model.string("base_url", null);
    return url == null ? null : checked(model, url);
  }

  private static String checked(YamlFields fields, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw fields.error("base_url", "`" + url + "` is not an http(s) URL with a host",
            "write it as https://host[:port]/path, e.g. https://api.fireworks.ai/inference/v1");
      }
      if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
        throw fields.error("base_url", "must hold no user, password or query", "put the key in the variable named by api_key_env");
      }
      if (uri.getPath() != null && uri.getPath().replaceAll("/+$", "").endsWith("/chat/completions")) {
        throw fields.error("base_url", "`" + url + "` ends with /chat/completions, which provbench appends itself",
            "end it before /chat/completions, e.g. https://api.together.xyz/v1");
      }
    } catch (URISyntaxException e) {
      throw fields.error("base_url", "`" + url + "` is not a valid URL (" + e.getReason() + ")",
          "write it as https://host[:port]/path");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
