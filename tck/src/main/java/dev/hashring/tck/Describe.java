package dev.hashring.tck;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hashring.Server;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Short, unambiguous text for the values that failure messages show. */
final class Describe {

  private static final int MAX_KEY_CHARS = 60;
  private static final int MAX_LISTED = 12;

  private Describe() {}

  /**
   * A key as a quoted string with Java escapes when its bytes are printable UTF-8, otherwise as
   * hex; long keys are cut short and give their length.
   */
  static String key(Object key) {
    if (key == null) {
      return "null";
    }
    if (key instanceof String) {
      return quoted((String) key, ((String) key).getBytes(UTF_8).length);
    }
    byte[] bytes = (byte[]) key;
    try {
      String text =
          UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return quoted(text, bytes.length);
    } catch (CharacterCodingException notUtf8) {
      StringBuilder hex = new StringBuilder("0x");
      for (int i = 0; i < Math.min(bytes.length, MAX_KEY_CHARS / 2); i++) {
        hex.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xff));
      }
      return hex
          + (bytes.length > MAX_KEY_CHARS / 2 ? "..." : "")
          + " ("
          + bytes.length
          + " bytes)";
    }
  }

  private static String quoted(String text, int byteLength) {
    StringBuilder out = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < text.length() && shown < MAX_KEY_CHARS; i++, shown++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !isPaired(text, i)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
    if (shown < text.length()) {
      out.append("... (").append(byteLength).append(" bytes)");
    }
    return out.toString();
  }

  private static boolean isPaired(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  /** An option map, sorted by key: {@code "default options"} or {@code "options {k=v}"}. */
  static String options(Map<String, String> options) {
    return options.isEmpty() ? "default options" : "options " + new TreeMap<>(options);
  }

  /** A server list: its size and its first servers. */
  static String servers(List<Server> servers) {
    StringBuilder text = new StringBuilder().append(servers.size());
    text.append(servers.size() == 1 ? " server: " : " servers: ");
    text.append(list(servers));
    return text.toString();
  }

  /** The first elements of a collection, comma-separated, and how many more there are. */
  static String list(Collection<?> items) {
    StringBuilder text = new StringBuilder();
    int shown = 0;
    for (Object item : items) {
      if (shown == MAX_LISTED) {
        text.append(", ... (").append(items.size() - shown).append(" more)");
        break;
      }
      if (shown > 0) {
        text.append(", ");
      }
      text.append(item);
      shown++;
    }
    return text.toString();
  }

  /** A weight list, for example {@code "weights 1, 2, 3, 4"} or {@code "weight 1 each"}. */
  static String weights(List<Server> servers) {
    if (servers.stream().mapToInt(Server::weight).distinct().count() == 1) {
      return "weight " + servers.get(0).weight() + " each";
    }
    StringBuilder text = new StringBuilder("weights ");
    for (int i = 0; i < servers.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(servers.get(i).weight());
    }
    return text.toString();
  }

  /** A hash value as unsigned hex. */
  static String hash(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** A count with thousands separators. */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** A ratio with two decimals. */
  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A throwable as its class and message. */
  static String thrown(Throwable error) {
    return error.getMessage() == null
        ? error.getClass().getName()
        : error.getClass().getName() + ": " + error.getMessage();
  }
}
