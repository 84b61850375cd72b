package dev.hashring;

/**
 * A promise a {@link Ring} makes beyond the rules every ring keeps. The TCK turns each trait into
 * rules, and skips those rules, with a reason, for rings that do not claim the trait.
 */
public enum Trait {

  /**
   * A server's share of keys follows its weight: a server of weight {@code w} holds about {@code w
   * / (sum of weights)} of the keys.
   */
  WEIGHTED,

  /**
   * Adding a server to the list, or removing one, anywhere in the list, moves only keys to or from
   * that server, and about its share of them. The ring after the change is built with the options
   * {@link ServerSelector#optionsAfter} gives for it (for most selectors, the same options).
   */
  MINIMAL_DISRUPTION,

  /**
   * For every key, the second server of its failover sequence is the primary the key gets when its
   * primary is removed from the list (and so on down the sequence). Failover and removal then
   * agree, so a dead server costs one move per key, not two. Every failover sequence lists every
   * server exactly once.
   */
  FAILOVER_IS_REMOVAL
}
