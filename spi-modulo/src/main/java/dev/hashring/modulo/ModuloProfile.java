package dev.hashring.modulo;

import dev.hashring.HashAlgorithm;
import dev.hashring.Trait;
import dev.hashring.spi.ClientHashes;
import dev.hashring.spi.Options;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code compat} value of the modulo selector: where its hashes come from and the default one,
 * whether weights count, how the hash becomes a slot number, the order of the slots, and the
 * failover order.
 */
enum ModuloProfile {

  /** Weighted slots over a mixed registry hash (murmur3 by default), spreading failover. */
  NATIVE("native", null, "murmur3", null, KeyNumber.MIXED, SlotOrder.LIST, FailoverOrder.REMOVAL),

  /** libmemcached {@code MEMCACHED_DISTRIBUTION_MODULA}: {@code hash % server count}. */
  LIBMEMCACHED(
      "libmemcached",
      ClientHashes.LIBMEMCACHED,
      "default",
      null,
      KeyNumber.HASH,
      SlotOrder.LIST,
      FailoverOrder.LIST_ORDER),

  /** spymemcached {@code ArrayModNodeLocator}: {@code hash % node count}. */
  SPYMEMCACHED(
      "spymemcached",
      ClientHashes.SPYMEMCACHED,
      "native",
      "spymemcached's ArrayModNodeLocator has no weights",
      KeyNumber.HASH,
      SlotOrder.LIST,
      FailoverOrder.LIST_ORDER),

  /**
   * twemproxy {@code distribution: modula}: {@code slots[hash % total weight]}, the slots laid out
   * in nutcracker's server order (sorted by name).
   */
  TWEMPROXY(
      "twemproxy",
      ClientHashes.TWEMPROXY,
      "fnv1a_64",
      null,
      KeyNumber.EMPTY_KEY_IS_ZERO,
      SlotOrder.TWEMPROXY_NAMES,
      FailoverOrder.REMOVAL);

  /** The {@code compat} values, {@code native} first. */
  static final List<String> NAMES =
      Arrays.stream(values())
          .map(profile -> profile.compat)
          .collect(Collectors.toUnmodifiableList());

  private final String compat;
  private final ClientHashes client;
  private final String defaultHash;
  private final String whyNoWeights;
  private final KeyNumber keyNumber;
  private final SlotOrder slotOrder;
  private final FailoverOrder failover;

  ModuloProfile(
      String compat,
      ClientHashes client,
      String defaultHash,
      String whyNoWeights,
      KeyNumber keyNumber,
      SlotOrder slotOrder,
      FailoverOrder failover) {
    this.compat = compat;
    this.client = client;
    this.defaultHash = defaultHash;
    this.whyNoWeights = whyNoWeights;
    this.keyNumber = keyNumber;
    this.slotOrder = slotOrder;
    this.failover = failover;
  }

  /**
   * The profile a {@code compat} value names; the value has been checked against {@link #NAMES}.
   */
  static ModuloProfile named(String compat) {
    return valueOf(compat.toUpperCase(Locale.ROOT));
  }

  /** The {@code compat} value. */
  String compat() {
    return compat;
  }

  /**
   * Whether a server of weight {@code w} gets {@code w} slots; otherwise each server gets one, and
   * weights are refused or, where the client accepts and ignores them, ignored as it does.
   */
  boolean weighted() {
    return whyNoWeights == null && this != LIBMEMCACHED;
  }

  /**
   * Whether the client accepts weights and ignores them (libmemcached's MODULA), so that this
   * profile does the same, with a warning, rather than refuse a server list the client takes.
   */
  boolean ignoresWeights() {
    return this == LIBMEMCACHED;
  }

  /** Why weights are refused, for the message; {@code null} when they count. */
  String whyNoWeights() {
    return whyNoWeights;
  }

  /** The order in which servers take their slots. */
  SlotOrder slotOrder() {
    return slotOrder;
  }

  /** The failover order. */
  FailoverOrder failover() {
    return failover;
  }

  /** What rings of this profile promise. */
  Set<Trait> traits() {
    Set<Trait> traits = EnumSet.noneOf(Trait.class);
    if (weighted()) {
      traits.add(Trait.WEIGHTED);
    }
    if (failover == FailoverOrder.REMOVAL) {
      traits.add(Trait.FAILOVER_IS_REMOVAL);
    }
    return Set.copyOf(traits);
  }

  /**
   * Reads the {@code hash} option and returns the key-number function: for {@code native} any
   * registered algorithm, for a client profile one of the client's own hash variants.
   */
  HashAlgorithm keyNumber(Options options, String setting) {
    if (client == null) {
      return keyNumber.of(options.hash("hash", defaultHash));
    }
    String name = options.text("hash").orElse(defaultHash);
    HashAlgorithm hash;
    try {
      hash = client.hash(name);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          "option 'hash' of selector modulo with " + setting + ": " + unknown.getMessage(),
          unknown);
    }
    return keyNumber.of(hash);
  }
}
