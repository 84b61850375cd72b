package dev.hashring.tck;

import dev.hashring.Trait;
import java.util.Optional;

/**
 * The numbered rules of the TCK. The documentation of each constant is the rule: what is checked,
 * on which inputs, within which bounds and why. {@code docs/TCK.md} mirrors it.
 *
 * <p>Rules 1.x hold for every {@link dev.hashring.Ring}, rules 2.x for rings that claim a {@link
 * Trait} (the TCK asks each ring it builds, and skips the rule with a reason when the ring does not
 * claim it), rules 3.x for every {@link dev.hashring.HashAlgorithm}. Every rule is required: a
 * provider conforms when no rule fails.
 *
 * <p>Inputs are fixed: keys come from seeded generators, servers are realistic ({@code
 * 10.0.x.y:11211}, some on other ports, a few host names) with weight 1 unless the rule is about
 * weights. Every call into the provider runs under a time limit, and a failover iterator is never
 * followed past {@code servers().size() + 1} elements, so a provider that loops fails instead of
 * hanging the TCK.
 */
public enum Rule {

  /**
   * The same key gives the same server. {@code primary} and {@code failover} answer the same on
   * repeated calls, and a fresh ring built from an equal server list (new {@code Server} instances
   * in a new list) and a copy of the options answers the same. 2,000 keys ({@code primary}) and 500
   * keys ({@code failover}) on rings of 1, 2, 3, 10 and 50 servers. Threads are rule 1.8; other
   * processes and releases are what compatibility vectors check.
   */
  SAME_KEY_SAME_SERVER(
      "1.1",
      "the same key gives the same server",
      null,
      "lookups must depend only on the key bytes and on each server's host, port, weight and name,"
          + " in list order: not on identity hash codes, random numbers, the time, or state left"
          + " by earlier calls"),

  /**
   * Every answer is one of {@code servers()}: {@code primary(key)} and every element of {@code
   * failover(key)} is not {@code null} and equals an element of {@code servers()}. 10,000 keys
   * ({@code primary}) and 1,000 keys ({@code failover}) on rings of 1, 2, 3, 10 and 50 servers.
   */
  ANSWERS_ARE_SERVERS(
      "1.2",
      "every answer is one of servers()",
      null,
      "look at the edges of the lookup: a hash past the last ring point wraps to the first point,"
          + " an index is reduced modulo the server count, and no default or placeholder server is"
          + " ever returned"),

  /**
   * The server list is fixed. {@code servers()} equals the list the ring was built from, in the
   * same order; trying to add, set, remove or clear its elements changes nothing (throwing {@code
   * UnsupportedOperationException} is the usual way); and changing the list the ring was built from
   * afterwards changes neither {@code servers()} nor any answer. Rings of 3 and 10 servers, 1,000
   * keys.
   */
  SERVERS_ARE_FIXED(
      "1.3",
      "servers() is the list given, and nothing changes it",
      null,
      "copy the list when the ring is built (ServerLists.requireValid does) and return the"
          + " unmodifiable copy"),

  /**
   * The failover sequence lists every server exactly once, then ends. {@code failover(key)} starts
   * with {@code primary(key)}, then yields every other server of {@code servers()} once; after
   * {@code servers().size()} elements {@code hasNext()} is false and {@code next()} throws {@code
   * NoSuchElementException}. The TCK never reads more than {@code servers().size() + 1} elements,
   * so an endless sequence fails at once instead of hanging. 1,000 keys on rings of 1, 2, 3, 10 and
   * 50 servers.
   */
  FAILOVER_LISTS_EVERY_SERVER_ONCE(
      "1.4",
      "failover lists every server exactly once, then ends",
      null,
      "a ring walk must skip servers it has already yielded and stop after the last distinct"
          + " one: never wrap around the ring a second time, never yield the owner of every point"),

  /**
   * The first available server is found promptly. {@code firstAvailable(key, available)} returns
   * the first server of {@code failover(key)} that {@code available} accepts, or empty when it
   * accepts none, and asks {@code available} about each server at most once, so that it returns
   * promptly when every server is down. {@code byte[]} and {@code String} keys; 500 keys on rings
   * of 1, 3 and 10 servers; predicates that refuse every server, accept one (each server in turn)
   * and accept a seeded random half.
   */
  FIRST_AVAILABLE_ASKS_EACH_SERVER_ONCE(
      "1.5",
      "firstAvailable returns the first accepted server, asking each server at most once",
      null,
      "stop after servers().size() servers and keep the failover sequence finite (rule 1.4); the"
          + " default method of Ring does both, an override must too"),

  /**
   * String keys are their UTF-8 bytes. {@code primary(String)}, {@code failover(String)} and {@code
   * firstAvailable(String, ...)} answer exactly as the {@code byte[]} methods do for {@code
   * key.getBytes(UTF_8)}: ASCII keys, characters of 2, 3 and 4 bytes, unpaired surrogates (which
   * UTF-8 encodes as {@code '?'}), the empty key, keys longer than 1,024 bytes, and 1,000 seeded
   * keys. Rings of 3 and 10 servers. A ring that reproduces a client which refuses the empty key
   * (xmemcached, Dalli) may refuse it with an {@code IllegalArgumentException}, from both
   * overloads.
   */
  STRING_KEYS_ARE_UTF8(
      "1.6",
      "String keys are looked up as their UTF-8 bytes",
      null,
      "encode exactly as String.getBytes(UTF_8) does; an override of primary(String) (for example"
          + " one that calls HashAlgorithm.hash(String) to avoid allocating) must give the same"
          + " answers as primary(byte[])"),

  /**
   * Equal weights give balanced shares. On rings of 2, 3, 10 and 50 servers of weight 1, each
   * server's share of 50,000 seeded keys lies between 0.5 and 1.75 times {@code 1/n}.
   *
   * <p>Why these bounds: on a ketama ring with {@code p} points per server, a server's share is the
   * sum of the arcs before its points, whose relative standard deviation is about {@code
   * 1/sqrt(p)}: 0.1 for {@code p = 100}. The chance that any of 50 servers of a 100-point ring
   * falls outside [0.5, 1.75] is about 2·10⁻⁸ (the share is Beta-distributed); sampling 1,000 keys
   * per server adds a relative deviation of about 3%. A 40-point ring would fail about one server
   * list in 250, so the rule expects at least about 100 points per server. A selector that gives a
   * server less than half its share, or three quarters more, fails; the shares seen are printed.
   */
  EQUAL_WEIGHTS_BALANCE(
      "1.7",
      "servers of equal weight get balanced shares",
      null,
      "every server needs enough points on the ring (about 100 or more), the key hash must spread"
          + " its values over the whole range the ring uses, and every server must be reachable"),

  /**
   * Threads see what one thread sees. {@code max(4, 2 × processors)} threads, started together,
   * look up 2,000 keys on one ring of 10 servers, twice each (once as {@code byte[]}, once as
   * {@code String}) in their own shuffled order; every {@code primary} and {@code failover} answer
   * equals the one a single thread computed before, and no call throws. A race shows only when
   * calls overlap, which depends on the scheduler and the load of the machine, so the threads count
   * the calls that began while another call was in progress, and go round again (at most 10 rounds)
   * until 20,000 have.
   */
  THREADS_SEE_THE_SAME_ANSWERS(
      "1.8",
      "many threads on one ring see exactly what one thread sees",
      null,
      "lookups must not share mutable state between threads: no shared buffers, MessageDigest or"
          + " Random instances, no lazily built tables without safe publication; use locals,"
          + " ThreadLocal, or arrays built once in the constructor"),

  /**
   * Bad input is rejected with the documented exception, never a hang, a {@code null} or a wrong
   * answer. {@code NullPointerException} for: a {@code null} server list, a list holding {@code
   * null}, {@code null} options, a {@code null} key ({@code byte[]} or {@code String}) given to
   * {@code primary}, {@code failover} or {@code firstAvailable}, and a {@code null} predicate.
   * {@code IllegalArgumentException} for: an empty list; one server listed twice (the same host and
   * port, even with another weight), with a message that names its address; two servers of the same
   * name, with a message that names it; an unknown option, with a message that names the option.
   */
  BAD_INPUT_IS_REJECTED(
      "1.9",
      "bad input is rejected with the documented exception",
      null,
      "check the list with ServerLists.requireValid, read the options with Options and end with"
          + " requireNoOthers(), and check other arguments with Objects.requireNonNull"),

  /**
   * A lookup allocates nothing. On rings of 3 and 50 servers, 100,000 calls of {@code
   * primary(byte[])} (100 passes over 1,000 seeded keys: realistic keys, the UTF-8 bytes of the
   * awkward keys of rule 1.6 but the empty one, keys of 1,024 to 1,206 bytes among them, and random
   * bytes of 1 to 300 bytes), after a warm-up of as many calls, allocate at most 1,024 bytes on the
   * rule's thread, as {@link AllocationMeter} measures them: the least of up to 10 rounds. The rule
   * is skipped, with the reason, when the JVM cannot count the bytes a thread allocates. {@code
   * failover} may allocate and is not measured; {@code String} keys are not measured either, since
   * a ring must encode them.
   *
   * <p>Why this bound: the JVM's count is exact, and a lookup that allocates nothing reads 0 bytes
   * once the JIT has compiled it; the least of several rounds leaves out the JIT's one-off costs.
   * The smallest object takes 16 bytes, so a lookup that allocates on every call shows at least
   * 1,600,000 bytes, and one that allocates on one call in 100 still 16,000. The 1,024 bytes leave
   * room only for what the JVM itself might rarely do in the thread during a round. A failure gives
   * the bytes per call for each kind of key.
   */
  LOOKUPS_ALLOCATE_NOTHING(
      "1.10",
      "a lookup allocates nothing",
      null,
      "look for what primary(byte[]) creates per call: boxing (a long or an int used as an Object,"
          + " a map keyed by numbers), key.getBytes or new String(key), a copy of the key, an"
          + " iterator or stream over a collection, a lambda that captures state, varargs, a"
          + " MessageDigest, Checksum or buffer made per call; search flat primitive arrays built"
          + " once, and keep scratch space per thread (ThreadLocal)"),

  /**
   * Shares follow weights. Applies to rings that claim {@link Trait#WEIGHTED}; a selector that
   * refuses unequal weights with an {@code IllegalArgumentException} (a compat profile of a client
   * without weights) is skipped, unless its equal-weight rings claim the trait. A server of weight
   * {@code w} gets about {@code w / W} of the keys, {@code W} being the sum of the weights. Weights
   * 1, 2, 3, 4 and weights 1, 1, 10, each on 8 seeded server lists, 20,000 keys per ring. Each
   * server's share lies between 0.4 and 2.5 times {@code w / W}, and for each weight the mean over
   * the 8 lists of {@code share / (w / W)} lies between 0.75 and 1.33.
   *
   * <p>Why these bounds: weighted ketama (libmemcached, twemproxy, Dalli) gives a server of weight
   * 1 among weights 1, 1, 10 only 40 points, a relative standard deviation of about 0.16; it falls
   * outside [0.4, 2.5] with a probability of about 2·10⁻⁷. The mean over 8 lists has a deviation of
   * about 0.06 or less, so [0.75, 1.33] is more than four deviations away. A ring whose weights do
   * nothing gives the weight-1 servers of 1, 1, 10 four times their share and fails both bounds; a
   * ring that follows weights only in part (shares proportional to {@code sqrt(w)}) fails the mean.
   */
  SHARES_FOLLOW_WEIGHTS(
      "2.1",
      "a server's share of keys follows its weight",
      Trait.WEIGHTED,
      "give each server points (or slots, or score) in proportion to its weight, with distinct"
          + " positions: hashing the same string once per unit of weight adds the same point again"
          + " and changes nothing"),

  /**
   * Adding a server moves keys only to it. Adding one server at a seeded random position of the
   * list (not only at the end) changes the primary of some keys, and every key that changes now
   * maps to the new server; the new server gets between 0.5 and 1.75 times {@code 1 / (n + 1)} of
   * the keys. Equal-weight lists of 3 and 10 servers, two positions each, 20,000 keys. For rings
   * that claim {@link Trait#WEIGHTED} also with an added server of weight 3, whose share must lie
   * between 0.4 and 2.5 times {@code 3 / (n + 3)} (bounds as in rule 2.1). The trait promises this
   * for any one server of any weight. It is asked of the ring before the change. The ring after the
   * change is built with the options {@link ServerSelectorTck#optionsAfter} gives (by default the
   * same options).
   */
  ADDING_MOVES_KEYS_ONLY_TO_THE_NEW_SERVER(
      "2.2",
      "adding a server moves keys only to it, about its share of them",
      Trait.MINIMAL_DISRUPTION,
      "a server's place (its ring points, its score) must not depend on its index in the list or"
          + " on the other servers; modulo and jump over list positions move keys between"
          + " servers that did not change; a selector whose options carry state (a removal"
          + " history) is told the change by the TCK subclass's optionsAfter"),

  /**
   * Removing a server moves only its keys. Removing the server at a seeded random position of the
   * list leaves every key of the other servers where it was; the removed server held between 0.5
   * and 1.75 times {@code 1 / n} of the keys. Equal-weight lists of 3 and 10 servers, two positions
   * each, 20,000 keys. For rings that claim {@link Trait#WEIGHTED} also removing the server of
   * weight 3 at a random position of 10 servers of weights 1, 2, 3, 4, 1, 2, 3, 4, 1, 2 when that
   * ring claims the trait (share between 0.4 and 2.5 times {@code 3 / 23}). The trait is asked of
   * the ring before the change. The ring after the change is built with the options {@link
   * ServerSelectorTck#optionsAfter} gives (by default the same options).
   */
  REMOVING_MOVES_ONLY_THE_REMOVED_SERVERS_KEYS(
      "2.3",
      "removing a server moves only the keys it held",
      Trait.MINIMAL_DISRUPTION,
      "a server's place must not depend on its index in the list, on the server count or on the"
          + " total weight: recomputing every server's point count from the total moves keys"
          + " between servers that did not change; a selector whose options carry state (a"
          + " removal history) is told the change by the TCK subclass's optionsAfter"),

  /**
   * Failover is removal. For every key, the {@code k}-th server of {@code failover(key)} ({@code k
   * ≥ 2}) is {@code primary(key)} of the ring built from the same list, in the same order, without
   * the first {@code k - 1} servers of that sequence, and with the options {@link
   * ServerSelectorTck#optionsAfter} gives when they are removed one after another in that order (by
   * default the same options). 2,000 keys: the whole sequence on an equal-weight ring of 5 servers,
   * the second and third servers on an equal-weight ring of 10 servers, and, when the equal-weight
   * ring of 5 claims {@link Trait#WEIGHTED}, the whole sequence on 5 servers of weights 1, 2, 1, 3,
   * 1 when that ring claims the trait.
   */
  FAILOVER_IS_REMOVAL(
      "2.4",
      "the failover sequence is the primary after removing the servers before it",
      Trait.FAILOVER_IS_REMOVAL,
      "yield servers in the order removal would promote them: on a ring, the next distinct owner"
          + " clockwise; with rendezvous hashing, the servers by descending score; a selector"
          + " whose options carry state (a removal history) is told the change by the TCK"
          + " subclass's optionsAfter"),

  /**
   * Equal bytes give equal hashes. {@code hash(key)}, {@code hash(key, 0, key.length)}, the hash of
   * a copy of the array and a second call all agree, for 2,000 seeded random keys of 0 to 300
   * bytes.
   */
  EQUAL_CONTENT_EQUAL_HASH(
      "3.1",
      "equal bytes give equal hashes",
      null,
      "hash the values of the bytes only: not the array's identity (hashCode,"
          + " System.identityHashCode), not state kept between calls"),

  /**
   * A slice hashes like its copy. {@code hash(key, offset, length)} equals the hash of {@code
   * Arrays.copyOfRange(key, offset, offset + length)}, and does not change when the bytes outside
   * the slice change. Slices at the start, in the middle and at the end of arrays of 0 to 300
   * bytes, empty ones included; 2,000 seeded cases.
   */
  SLICE_HASHES_LIKE_ITS_COPY(
      "3.2",
      "hash(key, offset, length) is the hash of that slice alone",
      null,
      "start reading at offset and read exactly length bytes; loops and tail handling (the last"
          + " bytes of a block) must use offset + length, not key.length"),

  /**
   * Hashing does not modify the input: no byte of the array changes, inside or outside the slice.
   * 2,000 seeded cases.
   */
  INPUT_IS_NOT_MODIFIED(
      "3.3",
      "hashing does not modify the key",
      null,
      "never write to the key array; copy it when the algorithm needs scratch space"),

  /**
   * Values fit the width. {@code bits()} is from 1 to 64, and for algorithms of fewer than 64 bits
   * every hash lies in {@code [0, 2^bits())}. 20,000 seeded keys.
   */
  VALUES_FIT_THE_WIDTH(
      "3.4",
      "every hash is an unsigned number of bits() bits",
      null,
      "return the value unsigned: mask with (1L << bits()) - 1, for 32 bits & 0xFFFFFFFFL rather"
          + " than a sign-extended int"),

  /**
   * String keys are their UTF-8 bytes. {@code hash(String)} equals {@code
   * hash(key.getBytes(UTF_8))} for ASCII, characters of 2, 3 and 4 bytes, unpaired surrogates, the
   * empty key, keys longer than 1,024 bytes, and 2,000 seeded strings.
   */
  STRING_HASH_IS_UTF8_HASH(
      "3.5",
      "hash(String) is the hash of the key's UTF-8 bytes",
      null,
      "do not override hash(String), or encode exactly as String.getBytes(UTF_8) does"),

  /**
   * Hashing is thread-safe. {@code max(4, 2 × processors)} threads, started together, hash 2,000
   * keys twice each (once as a slice of a larger array, once as a {@code String}) in their own
   * shuffled order; every hash equals the one a single thread computed before, and no call throws.
   * As in rule 1.8, the threads go round again (at most 10 rounds) until 20,000 calls began while
   * another was in progress.
   */
  HASHING_IS_THREAD_SAFE(
      "3.6",
      "many threads see the hashes one thread sees",
      null,
      "keep no mutable state in the algorithm object: no shared buffers or MessageDigest"
          + " instances; use locals or ThreadLocal"),

  /**
   * Bad input is rejected. {@code NullPointerException} for a {@code null} key given to {@code
   * hash(byte[])}, {@code hash(byte[], int, int)} and {@code hash(String)}; {@code
   * IndexOutOfBoundsException} for a negative offset or length, or a slice that does not lie within
   * the array (including {@code offset + length} overflowing an {@code int}). An empty slice at
   * {@code key.length} is valid.
   */
  HASH_REJECTS_BAD_INPUT(
      "3.7",
      "bad input is rejected with the documented exception",
      null,
      "start with Objects.checkFromIndexSize(offset, length, key.length), which also throws"
          + " NullPointerException for a null key"),

  /**
   * Similar keys do not collide. On the low {@code min(bits(), 32)} bits, which is what ketama
   * rings use, each family of keys has at most {@code 2E + 20} collisions, {@code E} being the
   * number a random function of that width would have: 20,000 sequential keys {@code key:0} to
   * {@code key:19999}; a 64-byte printable key and its 512 variants with one bit flipped; the 251
   * prefixes (lengths 0 to 250) of a 250-byte printable key. The collisions of a random function
   * have a standard deviation of at most {@code sqrt(E)}, so the bound is far out; it catches
   * algorithms that ignore bytes, read only the first or the last few, or add bytes up.
   */
  SIMILAR_KEYS_DO_NOT_COLLIDE(
      "3.8",
      "similar and sequential keys do not collide",
      null,
      "every byte of the key, and its position, must change the value, and the final value must"
          + " be mixed so that the low 32 bits depend on the whole key"),

  /**
   * Bits are balanced. Each of the low {@code bits()} bits is set for between 40% and 60% of 20,000
   * seeded printable keys of 8 to 64 bytes. A random function gives 50% with a standard deviation
   * of 0.35%, so the bounds catch only a stuck or heavily biased bit.
   */
  BITS_ARE_BALANCED(
      "3.9",
      "every bit of the hash is set for about half of the keys",
      null,
      "check that bits() matches what the algorithm produces (a 31-bit value declared as 32 bits"
          + " leaves the top bit always 0) and that the final value is mixed"),

  /**
   * Hashing allocates nothing. 100,000 calls of {@code hash(key, offset, length)} (100 passes over
   * 1,000 seeded slices of realistic keys and random bytes of 1 to 300 bytes, each at an offset in
   * a larger array), after a warm-up of as many calls, allocate at most 1,024 bytes on the rule's
   * thread, as {@link AllocationMeter} measures them: the least of up to 10 rounds. The rule is
   * skipped, with the reason, when the JVM cannot count the bytes a thread allocates. The bound is
   * that of rule 1.10, for the same reasons: a call that allocates even 16 bytes shows at least
   * 1,600,000.
   */
  HASHING_ALLOCATES_NOTHING(
      "3.10",
      "hashing allocates nothing",
      null,
      "look for what hash(key, offset, length) creates per call: a copy of the slice"
          + " (Arrays.copyOfRange, ByteBuffer.wrap(...).slice()), a String of the key, boxing, a"
          + " MessageDigest, Checksum or buffer made per call; hash the slice in place, and keep"
          + " scratch space and digests per thread (ThreadLocal)");

  private final String number;
  private final String title;
  private final Trait trait;
  private final String hint;

  Rule(String number, String title, Trait trait, String hint) {
    this.number = number;
    this.title = title;
    this.trait = trait;
    this.hint = hint;
  }

  /**
   * The rule's number, as in {@code docs/TCK.md}.
   *
   * @return for example {@code "1.4"}
   */
  public String number() {
    return number;
  }

  /**
   * The rule in one line.
   *
   * @return for example {@code "failover lists every server exactly once, then ends"}
   */
  public String title() {
    return title;
  }

  /**
   * The trait a ring must claim for this rule to apply.
   *
   * @return the trait, or empty for rules that apply to every ring or hash algorithm
   */
  public Optional<Trait> trait() {
    return Optional.ofNullable(trait);
  }

  /**
   * What an implementer should look at when the rule fails.
   *
   * @return advice in a sentence
   */
  public String hint() {
    return hint;
  }

  /**
   * Whether this rule is about hash algorithms (3.x) rather than selectors and their rings.
   *
   * @return {@code true} for rules checked by {@link HashAlgorithmTck}
   */
  public boolean isHashAlgorithmRule() {
    return number.startsWith("3.");
  }

  /**
   * The number and the title.
   *
   * @return for example {@code "1.4 failover lists every server exactly once, then ends"}
   */
  @Override
  public String toString() {
    return number + " " + title;
  }
}
