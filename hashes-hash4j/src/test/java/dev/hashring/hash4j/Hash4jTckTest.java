package dev.hashring.hash4j;

import dev.hashring.HashAlgorithm;
import dev.hashring.tck.HashAlgorithmTck;
import org.junit.jupiter.api.Nested;

/** Every algorithm of this jar passes the TCK's rules for hash algorithms. */
class Hash4jTckTest {

  @Nested
  class Xxh3 extends HashAlgorithmTck {
    @Override
    protected HashAlgorithm algorithm() {
      return Hash4jAlgorithms.xxh3_64();
    }
  }

  @Nested
  class Xxh64 extends HashAlgorithmTck {
    @Override
    protected HashAlgorithm algorithm() {
      return Hash4jAlgorithms.xxh64();
    }
  }

  @Nested
  class Komihash extends HashAlgorithmTck {
    @Override
    protected HashAlgorithm algorithm() {
      return Hash4jAlgorithms.komihash5_0();
    }
  }

  @Nested
  class Wyhash extends HashAlgorithmTck {
    @Override
    protected HashAlgorithm algorithm() {
      return Hash4jAlgorithms.wyhash_final4();
    }
  }
}
