package dev.hashring.maglev;

import dev.hashring.ServerSelector;
import dev.hashring.tck.ServerSelectorTck;
import java.util.List;
import java.util.Map;

/** The TCK, for every profile of this selector. */
class MaglevSelectorTckTest extends ServerSelectorTck {

  @Override
  protected ServerSelector selector() {
    return new MaglevSelector();
  }

  @Override
  protected List<Map<String, String>> optionMaps() {
    return List.of(Map.of(), Map.of("table", "100003"));
  }
}
