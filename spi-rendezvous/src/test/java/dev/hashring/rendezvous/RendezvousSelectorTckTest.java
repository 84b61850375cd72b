package dev.hashring.rendezvous;

import dev.hashring.ServerSelector;
import dev.hashring.tck.ServerSelectorTck;
import java.util.List;
import java.util.Map;

/** The TCK, for every profile of this selector. */
class RendezvousSelectorTckTest extends ServerSelectorTck {

  @Override
  protected ServerSelector selector() {
    return new RendezvousSelector();
  }

  @Override
  protected List<Map<String, String>> optionMaps() {
    return List.of(
        Map.of(),
        Map.of("compat", "pymemcache"),
        Map.of("compat", "pymemcache", "key_type", "bytes"));
  }
}
