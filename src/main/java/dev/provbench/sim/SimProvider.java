package dev.provbench.sim;

import java.util.List;
import java.util.Optional;

/**
 * One simulated provider: a path prefix on the server and the models it serves. Immutable.
 *
 * @param name   the display name, e.g. {@code Provider 1}; unique in the profile. Required.
 * @param path   the URL prefix, e.g. {@code /p1}; its API lives under {@code {path}/v1}. Unique; required.
 * @param models the models it serves; at least one, ids unique within the provider.
 */
public record SimProvider(String name, String path, List<SimModel> models) {

  public SimProvider {
    models = List.copyOf(models);
  }

  public Optional<SimModel> model(String id) {
    return models.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
