package dev.hashring;

/**
 * A provider that a {@link Registry} found but could not use: it failed to load, failed to start,
 * has an invalid name, or shares its name with another provider.
 *
 * @param provider the provider's class name, or the service file entry when no class was loaded
 * @param source where the provider came from: the jar or directory, or {@code "unknown location"}
 * @param problem what went wrong, in a sentence
 */
public record ProviderProblem(String provider, String source, String problem) {

  /**
   * One line for a log or a terminal: {@code class (source): problem}.
   *
   * @return the problem as text
   */
  @Override
  public String toString() {
    return provider + " (" + source + "): " + problem;
  }
}
