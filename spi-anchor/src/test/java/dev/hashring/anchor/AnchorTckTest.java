package dev.hashring.anchor;

import dev.hashring.ServerSelector;
import dev.hashring.tck.ServerSelectorTck;
import java.util.List;
import java.util.Map;

/**
 * The TCK with the default history, for the built-in hash and two registered ones; every change the
 * rules make is appended to the history, as an application does.
 */
class AnchorTckTest extends ServerSelectorTck {

  @Override
  protected ServerSelector selector() {
    return new AnchorSelector();
  }

  @Override
  protected List<Map<String, String>> optionMaps() {
    return List.of(
        Map.of(),
        Map.of("compat", "native", "hash", "murmur3"),
        Map.of("hash", "fnv1a_64"),
        Map.of("hash", "md5"));
  }
}
