package dev.hashring.jump;

import dev.hashring.ServerSelector;
import dev.hashring.tck.ServerSelectorTck;
import java.util.List;
import java.util.Map;

/** The TCK for both jump profiles, with their default hash and another one. */
class JumpTckTest extends ServerSelectorTck {

  @Override
  protected ServerSelector selector() {
    return new JumpSelector();
  }

  @Override
  protected List<Map<String, String>> optionMaps() {
    return List.of(
        Map.of(),
        Map.of("compat", "native", "hash", "murmur3"),
        Map.of("compat", "guava"),
        Map.of("compat", "guava", "hash", "crc32a"));
  }
}
