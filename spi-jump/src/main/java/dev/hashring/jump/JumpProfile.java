package dev.hashring.jump;

import com.dynatrace.hash4j.consistent.ConsistentHashing;
import dev.hashring.HashAlgorithm;
import dev.hashring.Trait;
import dev.hashring.hash4j.Hash4jAlgorithms;
import dev.hashring.spi.Options;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code compat} value of the jump selector: which bucket function, which default key hash,
 * whether weights count, and what the ring promises.
 */
enum JumpProfile {

  /**
   * This project's jump: JumpBackHash (hash4j, SplitMix64 random source) over XXH3 64 of the key,
   * each server {@code weight} consecutive buckets in list order.
   */
  NATIVE(
      "native",
      "xxh3_64",
      true,
      ConsistentHashing.jumpBackHashSplitMix64()::getBucket,
      Set.of(Trait.WEIGHTED)),

  /** Guava's {@code Hashing.consistentHash(hash(key), servers)}, servers in list order. */
  GUAVA("guava", "md5", false, com.google.common.hash.Hashing::consistentHash, Set.of());

  /** The {@code compat} values, {@code native} first. */
  static final List<String> NAMES =
      Arrays.stream(values())
          .map(profile -> profile.compat)
          .collect(Collectors.toUnmodifiableList());

  private final String compat;
  private final String defaultHash;
  private final boolean weighted;
  private final BucketChoice buckets;
  private final Set<Trait> traits;

  JumpProfile(
      String compat,
      String defaultHash,
      boolean weighted,
      BucketChoice buckets,
      Set<Trait> traits) {
    this.compat = compat;
    this.defaultHash = defaultHash;
    this.weighted = weighted;
    this.buckets = buckets;
    this.traits = traits;
  }

  /**
   * The profile a {@code compat} value names; the value has been checked against {@link #NAMES}.
   */
  static JumpProfile named(String compat) {
    return valueOf(compat.toUpperCase(Locale.ROOT));
  }

  /** The {@code compat} value. */
  String compat() {
    return compat;
  }

  /** The hash used when the {@code hash} option is absent. */
  String defaultHash() {
    return defaultHash;
  }

  /** Whether a server of weight {@code w} gets {@code w} buckets; otherwise weights are refused. */
  boolean weighted() {
    return weighted;
  }

  /** The consistent bucket function. */
  BucketChoice buckets() {
    return buckets;
  }

  /** What rings of this profile promise. */
  Set<Trait> traits() {
    return traits;
  }

  /** The default key hash of {@code native}, XXH3 64 with seed 0. */
  private static final HashAlgorithm XXH3 = Hash4jAlgorithms.xxh3_64();

  /**
   * Reads the {@code hash} option: {@code xxh3_64} is made here, any other name is looked up in the
   * registry.
   */
  HashAlgorithm keyHash(Options options) {
    String name = options.text("hash").orElse(defaultHash);
    return name.equals("xxh3_64") ? XXH3 : options.hash("hash", defaultHash);
  }
}
