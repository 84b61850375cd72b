package dev.hashring.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.HashAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every algorithm hashes exactly the slice it is given, and rejects slices that do not fit. */
class SlicesTest {

  static List<HashAlgorithm> everyHash() {
    return EveryHash.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHash")
  void hashOfASlice_isTheHashOfACopyOfIt_whateverSurroundsIt(HashAlgorithm hash) {
    Random random = new Random(hash.toString().hashCode());
    for (int round = 0; round < 2_000; round++) {
      byte[] key = new byte[random.nextInt(80)];
      random.nextBytes(key);
      int offset = key.length == 0 ? 0 : random.nextInt(key.length + 1);
      int length = random.nextInt(key.length - offset + 1);
      if (length == 0 && EveryHash.rejectsEmptyKeys(hash)) {
        continue;
      }
      byte[] copy = Arrays.copyOfRange(key, offset, offset + length);
      long expected = hash.hash(copy);
      assertThat(hash.hash(key, offset, length))
          .as("slice %d+%d", offset, length)
          .isEqualTo(expected);
      // Other bytes around the slice change nothing, so nothing outside it is read.
      byte[] moved = new byte[key.length + 16];
      random.nextBytes(moved);
      System.arraycopy(copy, 0, moved, 7, length);
      assertThat(hash.hash(moved, 7, length)).isEqualTo(expected);
      assertThat(copy).isEqualTo(Arrays.copyOfRange(key, offset, offset + length));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHash")
  void resultsFitInBits(HashAlgorithm hash) {
    Random random = new Random(3);
    for (int round = 0; round < 2_000; round++) {
      byte[] key = new byte[1 + random.nextInt(40)];
      random.nextBytes(key);
      long value = hash.hash(key);
      if (hash.bits() < 64) {
        assertThat(value)
            .as("%s of %s", hash, Arrays.toString(key))
            .isBetween(0L, (1L << hash.bits()) - 1);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHash")
  void badSlices_throwIndexOutOfBounds(HashAlgorithm hash) {
    byte[] key = new byte[10];
    assertThatThrownBy(() -> hash.hash(key, -1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Range [-1, -1 + 2) out of bounds for length 10");
    assertThatThrownBy(() -> hash.hash(key, 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Range [5, 5 + 6) out of bounds for length 10");
    assertThatThrownBy(() -> hash.hash(key, 2, -1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Range [2, 2 + -1) out of bounds for length 10");
    assertThatThrownBy(() -> hash.hash(key, 11, 0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Range [11, 11 + 0) out of bounds for length 10");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHash")
  void nullKeys_throwNullPointerException(HashAlgorithm hash) {
    assertThatThrownBy(() -> hash.hash((byte[]) null, 0, 0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> hash.hash((byte[]) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> hash.hash((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
  }
}
