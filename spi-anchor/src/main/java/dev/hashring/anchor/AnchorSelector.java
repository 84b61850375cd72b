package dev.hashring.anchor;

import com.google.auto.service.AutoService;
import dev.hashring.HashAlgorithm;
import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.hash4j.Hash4jAlgorithms;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Jump consistent hashing where any server can leave: the selector {@code anchor}.
 *
 * <p>Jump hashing numbers the buckets 0 .. n-1 and can only add or remove the last one. This
 * selector keeps jump's speed and balance and lets <em>any</em> server leave with minimal
 * disruption, with JumpBackAnchor (Ertl; the memory-optimised AnchorHash of Mendelson et al. over
 * JumpBackHash, as hash4j's {@code ConsistentHashing.jumpBackAnchorHash}): a removed bucket stays
 * in the numbering, and a key that lands on it is sent, by the key's own random sequence, to one of
 * the buckets that were live just after it left. A server of weight {@code w} owns {@code w}
 * buckets. A key's 64-bit hash ({@code hash}, XXH3 by default) picks the bucket; a {@code String}
 * key places like its UTF-8 bytes.
 *
 * <p><b>The history is shared state.</b> Where a key goes depends on which buckets were removed and
 * in what order, not only on the servers that are left: two processes with the same servers but
 * different histories place keys differently. So the history is an option, {@code history}, that
 * every client of one cache cluster must be given with the same value (a properties file, a
 * configuration service), and that the application evolves only by appending to it.
 *
 * <p><b>Format.</b> Events separated by commas, white space around each ignored:
 *
 * <ul>
 *   <li>{@code +host:port[:weight][ name]}: a server is added, in the text form of {@link
 *       Server#parse} (weight 1 when absent). It must not be in already.
 *   <li>{@code -host:port}: the server with that address is removed; no weight or name. It must be
 *       in.
 * </ul>
 *
 * <p>Without the option, the history is the servers of the list added in list order: {@code
 * +s0,+s1,...}. The list given to {@code ring(...)} must be exactly the servers the history leaves
 * in (same address, weight and name; in any order, which does not matter when the option is given);
 * it is what {@code servers()} returns, and every failover sequence lists each of them once. A
 * server in one but not the other, or with another weight or name, is an error that names it and
 * says what to append.
 *
 * <p><b>Evolving it.</b> To remove any server, append {@code ,-host:port} and drop the server from
 * the list; to add one, append {@code ,+host:port[:weight][ name]} and add it to the list. Publish
 * the new history and list together to every client. An application that never used the option
 * starts from the default, written out: {@code +s0,+s1,...} in list order. For example, servers
 * {@code a}, {@code b}, {@code c} ({@code 10.0.0.1:11211}, {@code 10.0.0.2:11211}, {@code
 * 10.0.0.3:11211}):
 *
 * <pre>
 * servers a, b, c       history +10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211
 * b dies                history +10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211,-10.0.0.2:11211
 *                       servers a, c: only b's keys move, each to its second failover server
 * d joins, weight 2     history ...,-10.0.0.2:11211,+10.0.0.4:11211:2
 *                       servers a, c, d: keys move only to d, about 2/4 of them
 * </pre>
 *
 * <p>{@link #optionsAfter} does this for tools that change a list (the spymemcached transport,
 * {@code hashring simulate}, the TCK): it writes out the default history if there is none, then
 * appends the removal of every server of {@code before} that is not in {@code after} (in the order
 * of {@code before}) and the addition of every server of {@code after} that is not in {@code
 * before} (in the order of {@code after}); a server whose weight or name changed is both.
 *
 * <p><b>Adding again.</b> An added server takes the buckets removed most recently, then new ones.
 * So adding a server right after its removal ({@code -b,+b}) restores every key exactly; adding it
 * later moves keys only to it, as any addition does. A change of weight or name is a removal and an
 * addition appended together ({@code ,-host:port,+host:port:5}): the server takes its own buckets
 * back first, so only keys to it (more weight) or from it (less weight) move.
 *
 * <p><b>Guarantees.</b> Rings claim {@code WEIGHTED}, {@code MINIMAL_DISRUPTION} and {@code
 * FAILOVER_IS_REMOVAL}, and the last two hold for changes made through the history: appending the
 * removal of any server moves only its keys, spread over the others in proportion to their weights;
 * appending an addition moves keys only to the new server, about its share; and the {@code k}-th
 * server of {@code failover(key)} is where the key goes once the servers before it are removed, in
 * that order. A changed list with an unchanged option is not such a change. Without the option
 * every change rewrites the default history, so this selector then behaves as {@code jump}: growing
 * or shrinking the list at its end is minimal, anything else moves other servers' keys. With a
 * history that only adds, in list order, every key is placed exactly as {@code jump} places it
 * (same hash), so a {@code jump} deployment can switch to {@code anchor} without moving a key.
 *
 * <p><b>Cost.</b> A lookup hashes the key and runs JumpBackHash over all buckets ever in use
 * (constant expected time); when that bucket is removed it draws again among the buckets live just
 * after, following a successor link or two. The extra steps depend on the share of buckets removed,
 * not on the number of removals: none when nothing is removed, about 1 with half removed, 5 with
 * 90% and 15 with 99% removed in random order, for 1,000 or 100,000 buckets alike. Only an
 * adversarial removal order (the first bucket, then every last one but one) makes it linear in the
 * buckets removed. Building replays the history: time proportional to the events and the buckets
 * they add and remove. Memory: 16 bytes per bucket ever in use. Each failover step after the
 * primary removes the previous server's buckets (its weight) on top of the ring, in a small table
 * of its own, and looks up again.
 *
 * <p><b>Limits.</b> At most 65,536 events; at most 1,048,576 (2^20) buckets in use at any point,
 * live or removed; at most 4,194,304 (2^22) buckets added by all events together. A history that
 * long is better started afresh from the servers in use, at the cost of moving keys once. Server
 * names must not contain commas.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code history}: as above; default, the servers added in list order.
 *   <li>{@code hash}: the key hash, any registered algorithm; {@code xxh3_64} is built in and the
 *       default.
 *   <li>{@code compat}: {@code native} only; no client places keys this way.
 * </ul>
 */
@AutoService(ServerSelector.class)
public final class AnchorSelector implements ServerSelector {

  /** The default key hash, XXH3 64 with seed 0 ({@code xxh3_64}). */
  private static final HashAlgorithm XXH3 = Hash4jAlgorithms.xxh3_64();

  /** Creates the selector; {@link java.util.ServiceLoader} calls this. */
  public AnchorSelector() {}

  /**
   * The registry name.
   *
   * @return {@code "anchor"}
   */
  @Override
  public String name() {
    return "anchor";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options reader = Options.of(name(), options);
    reader.choice("compat", "native", compatProfiles());
    HashAlgorithm keyHash = keyHash(reader);
    Optional<String> text = reader.text("history");
    reader.requireNoOthers();
    for (Server server : list) {
      if (server.name().orElse("").indexOf(',') >= 0) {
        throw new IllegalArgumentException(
            "server name must not contain ',' for selector anchor, whose option 'history'"
                + " separates events with commas: '"
                + server.name().get()
                + "' (server "
                + server.address()
                + ")");
      }
    }
    History history;
    if (text.isPresent()) {
      history = History.parse(text.get());
    } else {
      requireBucketsForDefault(list);
      history = History.inListOrder(list);
    }
    BucketLayout layout = history.layout(list);
    BucketTable table = layout.table();
    return new AnchorRing(
        list,
        layout,
        keyHash,
        "anchor hash="
            + keyHash.name()
            + ", "
            + (text.isPresent() ? "history of " + history.size() + " events" : "default history")
            + ", "
            + table.capacity()
            + " buckets ("
            + table.removedCount()
            + " removed)");
  }

  private static HashAlgorithm keyHash(Options reader) {
    String name = reader.text("hash").orElse("xxh3_64");
    return name.equals("xxh3_64") ? XXH3 : reader.hash("hash", "xxh3_64");
  }

  private static void requireBucketsForDefault(List<Server> servers) {
    long total = 0;
    for (Server server : servers) {
      total += server.weight();
    }
    if (total > History.MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "total weight of the servers must be at most "
              + History.MAX_BUCKETS
              + " for selector anchor (one bucket per unit of weight): "
              + total
              + " over "
              + servers.size()
              + " servers");
    }
  }

  /**
   * The options: {@code history}, {@code hash} and {@code compat}.
   *
   * @return each option with its values and default
   */
  @Override
  public Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(
        "history",
        "the servers added (+host:port[:weight][ name]) and removed (-host:port), in order,"
            + " separated by commas; append to it, never edit it; default: the servers added in"
            + " list order");
    options.put("hash", "key hash, any registered algorithm; default xxh3_64 (built in)");
    options.put("compat", "native (the default and only value: JumpBackAnchor)");
    return Collections.unmodifiableMap(options);
  }

  /**
   * The {@code compat} values.
   *
   * @return {@code native} alone: no existing client places keys this way
   */
  @Override
  public List<String> compatProfiles() {
    return List.of("native");
  }

  @Override
  public String toString() {
    return "ServerSelectors.forName(\"anchor\")";
  }

  /**
   * The options after the list changes from {@code before} to {@code after}: the history (written
   * out from {@code before} if the option is absent) with the removal of every server that left and
   * the addition of every server that joined appended, as the class documentation describes.
   *
   * @param before the servers of the current ring
   * @param after the servers of the next ring
   * @param options the options of the current ring
   * @return the same options with the new {@code history}
   */
  @Override
  public Map<String, String> optionsAfter(
      List<Server> before, List<Server> after, Map<String, String> options) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(options, "options");
    StringBuilder history = new StringBuilder();
    String given = options.get("history");
    if (given != null) {
      history.append(given);
    } else {
      for (Server server : before) {
        history.append(history.length() == 0 ? "+" : ",+").append(server);
      }
    }
    for (Server server : before) {
      if (!after.contains(server)) {
        history.append(history.length() == 0 ? "-" : ",-").append(server.address());
      }
    }
    for (Server server : after) {
      if (!before.contains(server)) {
        history.append(history.length() == 0 ? "+" : ",+").append(server);
      }
    }
    Map<String, String> next = new LinkedHashMap<>(options);
    next.put("history", history.toString());
    return Collections.unmodifiableMap(next);
  }
}
