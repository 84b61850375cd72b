package dev.hashring.spi;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The "did you mean" of error messages: the known name closest to a misspelt one.
 *
 * <p>A name that differs only in case or in the separators {@code _} and {@code -} is the best
 * match ({@code fnv1a64} suggests {@code fnv1a_64}). Otherwise closeness is the edit distance
 * (insertions, deletions, substitutions and swaps of adjacent letters), ignoring case, and a name
 * is suggested only when it is within two edits, or a third of the input's length for longer
 * inputs.
 */
public final class ClosestName {

  private ClosestName() {}

  /**
   * The candidate closest to {@code input}, if one is close enough to be a likely typo.
   *
   * @param input what the user typed
   * @param candidates the names that exist
   * @return the closest candidate, the first in iteration order on a tie; empty when none is close
   * @throws NullPointerException if an argument is {@code null}
   */
  public static Optional<String> among(String input, Collection<String> candidates) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(candidates, "candidates");
    String typed = input.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      if (!candidate.equals(input) && bare(candidate).equals(bare(typed))) {
        return Optional.of(candidate);
      }
    }
    int limit = Math.max(2, typed.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(typed, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= limit && !input.equals(best) ? Optional.of(best) : Optional.empty();
  }

  private static String bare(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /** Optimal string alignment distance. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
