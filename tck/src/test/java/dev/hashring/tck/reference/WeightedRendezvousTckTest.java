package dev.hashring.tck.reference;

import dev.hashring.ServerSelector;
import dev.hashring.tck.ServerSelectorTck;
import java.util.List;
import java.util.Map;

/** The reference selector passes every rule, for two option maps: the rules can be passed. */
class WeightedRendezvousTckTest extends ServerSelectorTck {

  @Override
  protected ServerSelector selector() {
    return new WeightedRendezvous();
  }

  @Override
  protected List<Map<String, String>> optionMaps() {
    return List.of(Map.of(), Map.of("seed", "7"));
  }
}
