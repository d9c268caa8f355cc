package dev.provbench.task;

import java.io.Serializable;
import java.util.List;

/**
 * One message of a chat task, before rendering.
 *
 * @param role    {@code system}, {@code user} or {@code assistant} (see {@link #ROLES}).
 * @param content a mustache template over the case's input fields ({@code {{question}}}, nested ones as
 *                {@code {{meta.source}}}), rendered with HTML escaping off.
 */
public record MessageTemplate(String role, String content) implements Serializable {
  public static final List<String> ROLES = List.of("system", "user", "assistant");
}
