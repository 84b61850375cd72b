package dev.hashring.modulo;

import dev.hashring.ServerSelector;
import dev.hashring.tck.ServerSelectorTck;
import java.util.List;
import java.util.Map;

/** The TCK for every modulo profile, with its default hash and another one. */
class ModuloTckTest extends ServerSelectorTck {

  @Override
  protected ServerSelector selector() {
    return new ModuloSelector();
  }

  @Override
  protected List<Map<String, String>> optionMaps() {
    return List.of(
        Map.of(),
        Map.of("compat", "native", "hash", "fnv1a_64"),
        Map.of("compat", "libmemcached"),
        Map.of("compat", "libmemcached", "hash", "md5"),
        Map.of("compat", "spymemcached"),
        Map.of("compat", "spymemcached", "hash", "fnv1a_32"),
        Map.of("compat", "twemproxy"),
        Map.of("compat", "twemproxy", "hash", "murmur"));
  }
}
