package dev.hashring.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyPoolTest {

  @Test
  void pool_holdsDistinctAsciiKeysOf10To60Bytes() {
    KeyPool pool = KeyPool.standard();
    Set<String> distinct = new HashSet<>(Arrays.asList(pool.strings));
    assertThat(distinct).hasSize(KeyPool.SIZE);
    for (int i = 0; i < KeyPool.SIZE; i++) {
      assertThat(pool.bytes[i]).isEqualTo(pool.strings[i].getBytes(UTF_8));
      assertThat(pool.bytes[i].length).isBetween(10, 60);
      assertThat(pool.strings[i].chars().allMatch(c -> c > 0x20 && c < 0x7F))
          .as(pool.strings[i])
          .isTrue();
    }
  }

  @Test
  void pool_isTheSameInEveryRun() {
    KeyPool pool = KeyPool.standard();
    assertThat(pool.strings).containsExactly(KeyPool.standard().strings);
    // The lengths cover the whole range, so no length is favoured.
    assertThat(Arrays.stream(pool.bytes).mapToInt(key -> key.length).distinct().count())
        .isEqualTo(51);
  }

  @Test
  void mask_walksThePool() {
    assertThat(Integer.bitCount(KeyPool.SIZE)).isEqualTo(1);
    assertThat(KeyPool.MASK).isEqualTo(KeyPool.SIZE - 1);
  }
}
