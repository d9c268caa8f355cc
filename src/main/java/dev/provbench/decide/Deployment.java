package dev.provbench.decide;

import java.io.Serializable;

/** One provider's deployment of one model: a row of the matrix a decision compares. Immutable. */
public record Deployment(String provider, String model, String size) implements Serializable, Comparable<Deployment> {
  @Override
  public int compareTo(Deployment o) {
    int c = provider.compareTo(o.provider);
    return c != 0 ? c : model.compareTo(o.model);
  }

  /** {@code Provider 1/llama-v3p1-8b-instruct}. */
  public String key() {
    return provider + "/" + model;
  }
}
