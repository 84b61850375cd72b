package dev.hashring.ketama;

import dev.hashring.ServerSelector;
import dev.hashring.tck.ServerSelectorTck;
import java.util.List;
import java.util.Map;

/**
 * The TCK for native and every compat profile, each with its client's default hash, some with
 * another.
 *
 * <p>Left out, because the clients they reproduce fail the TCK's balance rule themselves (the
 * in-process tests show the same placements as the real locators): spymemcached and xmemcached with
 * a non-MD5 hash, whose 160 points per server are the key hash of nearly identical strings ({@code
 * "10.0.0.1:11211-0"}, {@code "-1"}, ...) and cluster (FNV-1a 32 gives two servers 40% and 160% of
 * their share; apache/druid#1450); and xmemcached's {@code node_format=nginx}, which needs every
 * host to resolve to an address, as the TCK's host names do not.
 */
class KetamaTckTest extends ServerSelectorTck {

  @Override
  protected ServerSelector selector() {
    return new KetamaSelector();
  }

  @Override
  protected List<Map<String, String>> optionMaps() {
    return List.of(
        Map.of(),
        Map.of("compat", "native", "hash", "fnv1a_64", "points", "40"),
        Map.of("compat", "libmemcached"),
        Map.of("compat", "libmemcached", "hash", "md5"),
        Map.of("compat", "libmemcached-weighted"),
        Map.of("compat", "libmemcached-spy"),
        Map.of("compat", "libmemcached-spy", "hash", "md5"),
        Map.of("compat", "spymemcached"),
        Map.of("compat", "spymemcached-libmemcached"),
        Map.of("compat", "twemproxy"),
        Map.of("compat", "twemproxy", "hash", "md5", "hash_tag", "{}"),
        Map.of("compat", "xmemcached"),
        Map.of("compat", "xmemcached", "node_format", "gwhalin"),
        Map.of("compat", "dalli"));
  }
}
