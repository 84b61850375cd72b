package dev.hashring.cli;

import dev.hashring.Server;
import java.util.List;

/**
 * How evenly keys are spread over servers, each server's keys compared with its fair share by
 * weight ({@code keys × weight / total weight}).
 *
 * @param maxOverFair the fullest server's keys over its fair share: 1.0 is perfect
 * @param deviation the standard deviation of each server's keys over its fair share: 0 is perfect
 */
record LoadSpread(double maxOverFair, double deviation) {

  /**
   * The spread of {@code counts}, where {@code counts[i]} keys went to {@code servers.get(i)}.
   *
   * @throws IllegalArgumentException if the sizes differ
   */
  static LoadSpread of(long[] counts, List<Server> servers) {
    if (counts.length != servers.size()) {
      throw new IllegalArgumentException(
          counts.length + " counts for " + servers.size() + " servers");
    }
    long keys = 0;
    double weight = 0;
    for (int i = 0; i < counts.length; i++) {
      keys += counts[i];
      weight += servers.get(i).weight();
    }
    double max = 0;
    double squares = 0;
    for (int i = 0; i < counts.length; i++) {
      double fair = keys * servers.get(i).weight() / weight;
      double ratio = fair == 0 ? 0 : counts[i] / fair;
      max = Math.max(max, ratio);
      squares += (ratio - 1) * (ratio - 1);
    }
    return new LoadSpread(max, Math.sqrt(squares / counts.length));
  }
}
