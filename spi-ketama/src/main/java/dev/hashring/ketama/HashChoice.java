package dev.hashring.ketama;

import dev.hashring.HashAlgorithm;
import dev.hashring.HashAlgorithms;
import dev.hashring.spi.ClientHashes;
import dev.hashring.spi.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The key hashes a profile accepts, its default, and where each algorithm comes from. */
final class HashChoice {

  private final String defaultName;
  private final List<String> accepted; // null: every registered algorithm
  private final Map<String, String> refused;
  private final Function<String, HashAlgorithm> resolver;

  private HashChoice(
      String defaultName,
      List<String> accepted,
      Map<String, String> refused,
      Function<String, HashAlgorithm> resolver) {
    this.defaultName = defaultName;
    this.accepted = accepted;
    this.refused = refused;
    this.resolver = resolver;
  }

  /** Any algorithm of the {@link HashAlgorithms} registry. */
  static HashChoice registered(String defaultName) {
    return new HashChoice(defaultName, null, Map.of(), HashAlgorithms::forName);
  }

  /** Exactly one algorithm of the registry. */
  static HashChoice only(String name) {
    return new HashChoice(name, List.of(name), Map.of(), HashAlgorithms::forName);
  }

  /**
   * The hashes of one client, as that client computes them.
   *
   * @param client the client's hash variants
   * @param defaultName the client's default
   * @param aliases further names the client accepts for its hashes
   * @param refused names the client lists but refuses at run time, each with the reason
   */
  static HashChoice of(
      ClientHashes client, String defaultName, List<String> aliases, Map<String, String> refused) {
    List<String> names = new ArrayList<>();
    for (String name : client.names()) {
      if (!refused.containsKey(name)) {
        names.add(name);
      }
    }
    for (String alias : aliases) {
      if (!names.contains(alias)) {
        names.add(alias);
      }
    }
    return new HashChoice(defaultName, List.copyOf(names), refused, client::hash);
  }

  /**
   * Reads the {@code hash} option.
   *
   * @param options the option reader
   * @param profile the compat profile's name, for messages
   * @return the name given (or the default) and its algorithm
   * @throws IllegalArgumentException if the profile does not accept that hash
   */
  RingOptions read(Options options, String profile) {
    if (accepted == null) {
      HashAlgorithm hash = options.hash("hash", defaultName);
      return new RingOptions(hash.name(), hash, 0, null, null, null, null, null);
    }
    String given = options.text("hash").orElse(defaultName);
    String reason = refused.get(given);
    if (reason != null) {
      throw new IllegalArgumentException(
          "option 'hash' of selector ketama with compat="
              + profile
              + " cannot be '"
              + given
              + "': "
              + reason
              + "; accepted: "
              + String.join(", ", accepted));
    }
    String name = options.choice("hash", defaultName, accepted);
    return new RingOptions(name, resolver.apply(name), 0, null, null, null, null, null);
  }

  /** One line for help texts: what is accepted and the default. */
  String describe() {
    if (accepted == null) {
      return "any registered hash algorithm (default " + defaultName + ")";
    }
    if (accepted.size() == 1) {
      return accepted.get(0) + " only";
    }
    return String.join(", ", accepted) + " (default " + defaultName + ")";
  }
}
