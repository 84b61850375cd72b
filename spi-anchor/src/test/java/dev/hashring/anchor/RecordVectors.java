package dev.hashring.anchor;

import dev.hashring.Server;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code anchor-vectors.tsv}: placements computed with hash4j's own JumpBackAnchor ({@link
 * Hash4jModel}), not with the selector, so that the file freezes the mapping independently of this
 * module's code. Run by {@code src/test/scripts/record-vectors.sh}; the tests only read the file.
 */
public final class RecordVectors {

  private RecordVectors() {}

  /** The histories recorded, by name. */
  static Map<String, String> histories() {
    Map<String, String> histories = new LinkedHashMap<>();
    String abc = "+10.0.0.1:11211,+10.0.0.2:11211,+10.0.0.3:11211";
    histories.put("abc", abc);
    histories.put("b-left", abc + ",-10.0.0.2:11211");
    histories.put("d-joined", abc + ",-10.0.0.2:11211,+10.0.0.4:11211:2");
    histories.put("b-back", abc + ",-10.0.0.2:11211,+10.0.0.4:11211:2,+10.0.0.2:11211");
    histories.put(
        "churn",
        "+10.0.0.1:11211:3,+10.0.0.2:11211,+cache-3.example.net:11211:2,+[::1]:11211,"
            + "-10.0.0.2:11211,+10.0.0.5:11212:4 shard-5,+10.0.0.6:11211,-[::1]:11211,"
            + "+10.0.0.7:11211:2,-10.0.0.1:11211,+10.0.0.2:11211:2,+10.0.0.8:11211,"
            + "-10.0.0.6:11211,+10.0.0.9:11211:5");
    return histories;
  }

  /** The keys recorded: realistic ones, non-ASCII ones, the empty key, a 250-byte key. */
  static List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add("user:" + (i * 7919) + ":profile");
    }
    keys.add("");
    keys.add("ключ:42");
    keys.add("日本語のキー");
    keys.add("emoji:\uD83D\uDE00");
    keys.add("x".repeat(250));
    return keys;
  }

  /** The servers a history leaves in, in the order they were (last) added. */
  static List<Server> live(String history) {
    Map<String, Server> live = new LinkedHashMap<>();
    for (String event : history.split(",")) {
      Server server = Server.parse(event.substring(1));
      if (event.startsWith("+")) {
        live.put(server.address(), server);
      } else {
        live.remove(server.address());
      }
    }
    return new ArrayList<>(live.values());
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println("# Placements of selector anchor (hash xxh3_64) recorded with hash4j's own");
    out.println(
        "# ConsistentHashing.jumpBackAnchorHash(splitMix64_V1()), driven through each history");
    out.println(
        "# as AnchorSelector documents it (RecordVectors, src/test/scripts/record-vectors.sh).");
    out.println("# A change of any row is a change of mapping, that is, of wire format.");
    out.println("# history<TAB>name<TAB>events; then name<TAB>key<TAB>server");
    for (Map.Entry<String, String> history : histories().entrySet()) {
      out.println("history\t" + history.getKey() + "\t" + history.getValue());
      Hash4jModel model = new Hash4jModel(history.getValue());
      for (String key : keys()) {
        out.println(history.getKey() + "\t" + key + "\t" + model.primary(key));
      }
    }
  }
}
