package dev.hashring.tck.broken;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import dev.hashring.Trait;
import dev.hashring.spi.Options;
import dev.hashring.spi.ServerLists;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Broken on purpose: a correct ketama ring, except that to allocate nothing per lookup it keeps one
 * {@code MessageDigest} and one 16-byte buffer per ring, shared by every thread. Alone it is right;
 * from several threads the digests mix. Must fail rule 1.8, and only that.
 */
public final class SharedDigestRing implements ServerSelector {

  /** Used by {@code ServiceLoader}. */
  public SharedDigestRing() {}

  @Override
  public String name() {
    return "shared-digest-ring";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    List<Server> list = ServerLists.requireValid(servers);
    Options.of(name(), options).requireNoOthers();
    long[] keys = new long[list.size() * 160];
    int at = 0;
    for (int i = 0; i < list.size(); i++) {
      for (int j = 0; j < 40; j++) {
        byte[] digest = Md5.digest(list.get(i).address() + "-" + j);
        for (int w = 0; w < 4; w++) {
          keys[at++] = Md5.word(digest, w) << 16 | i;
        }
      }
    }
    Arrays.sort(keys);
    MessageDigest md5 = Md5.newDigest();
    byte[] buffer = new byte[16];
    return new Ring() {
      private int position(byte[] key) {
        md5.update(Objects.requireNonNull(key, "key"));
        try {
          md5.digest(buffer, 0, 16);
        } catch (DigestException impossible) {
          throw new IllegalStateException(impossible);
        }
        long hash = Md5.word(buffer, 0);
        int low = 0;
        int high = keys.length;
        while (low < high) {
          int mid = (low + high) >>> 1;
          if (keys[mid] >>> 16 < hash) {
            low = mid + 1;
          } else {
            high = mid;
          }
        }
        return low == keys.length ? 0 : low;
      }

      @Override
      public Server primary(byte[] key) {
        return list.get((int) (keys[position(key)] & 0xffff));
      }

      @Override
      public Iterator<Server> failover(byte[] key) {
        int start = position(key);
        Set<Server> sequence = new LinkedHashSet<>();
        for (int k = 0; k < keys.length && sequence.size() < list.size(); k++) {
          sequence.add(list.get((int) (keys[(start + k) % keys.length] & 0xffff)));
        }
        return new ArrayList<>(sequence).iterator();
      }

      @Override
      public List<Server> servers() {
        return list;
      }

      @Override
      public Set<Trait> traits() {
        return Set.of(Trait.MINIMAL_DISRUPTION, Trait.FAILOVER_IS_REMOVAL);
      }
    };
  }
}
