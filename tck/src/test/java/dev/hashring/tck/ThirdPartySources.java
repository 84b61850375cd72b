package dev.hashring.tck;

import java.util.Map;

/**
 * The sources of a small third-party provider jar, compiled at test time so that its classes are
 * nowhere but in the jar: a modulo selector over CRC-32, which refuses weights other than 1, and a
 * CRC-32 hash algorithm. Both are correct, and claim no traits.
 */
final class ThirdPartySources {

  private ThirdPartySources() {}

  static final String SELECTOR =
      """
      package com.example.ring;

      import dev.hashring.Ring;
      import dev.hashring.Server;
      import dev.hashring.ServerSelector;
      import dev.hashring.Trait;
      import dev.hashring.spi.Options;
      import dev.hashring.spi.ServerLists;
      import java.util.ArrayList;
      import java.util.Iterator;
      import java.util.List;
      import java.util.Map;
      import java.util.Objects;
      import java.util.Set;
      import java.util.zip.CRC32;

      public final class ExampleModulo implements ServerSelector {
        // One CRC32 per thread: a new one per lookup would allocate (rule 1.10).
        private static final ThreadLocal<CRC32> CRC = ThreadLocal.withInitial(CRC32::new);

        public String name() {
          return "example-modulo";
        }

        public Ring ring(List<Server> servers, Map<String, String> options) {
          List<Server> list = ServerLists.requireValid(servers);
          Options.of(name(), options).requireNoOthers();
          for (Server server : list) {
            if (server.weight() != 1) {
              throw new IllegalArgumentException(
                  "weight must be 1 for selector example-modulo, which has no weights: "
                      + server.weight() + " (server " + server.address() + ")");
            }
          }
          return new Ring() {
            private int index(byte[] key) {
              CRC32 crc = CRC.get();
              crc.reset();
              crc.update(Objects.requireNonNull(key, "key"));
              return (int) (crc.getValue() % list.size());
            }

            public Server primary(byte[] key) {
              return list.get(index(key));
            }

            public Iterator<Server> failover(byte[] key) {
              int start = index(key);
              List<Server> sequence = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                sequence.add(list.get((start + i) % list.size()));
              }
              return List.copyOf(sequence).iterator();
            }

            public List<Server> servers() {
              return list;
            }

            public Set<Trait> traits() {
              return Set.of();
            }
          };
        }
      }
      """;

  static final String HASH =
      """
      package com.example.ring;

      import dev.hashring.HashAlgorithm;
      import java.util.Objects;
      import java.util.zip.CRC32;

      public final class ExampleCrc32 implements HashAlgorithm {
        // One CRC32 per thread: a new one per call would allocate (rule 3.10).
        private static final ThreadLocal<CRC32> CRC = ThreadLocal.withInitial(CRC32::new);

        public String name() {
          return "example_crc32";
        }

        public int bits() {
          return 32;
        }

        public long hash(byte[] key, int offset, int length) {
          Objects.checkFromIndexSize(offset, length, key.length);
          CRC32 crc = CRC.get();
          crc.reset();
          crc.update(key, offset, length);
          return crc.getValue();
        }
      }
      """;

  static final String MODULE_INFO =
      """
      module example.ring {
        requires dev.hashring.api;

        provides dev.hashring.ServerSelector with com.example.ring.ExampleModulo;
      }
      """;

  static Map<String, String> classes() {
    return Map.of(
        "com/example/ring/ExampleModulo.java", SELECTOR,
        "com/example/ring/ExampleCrc32.java", HASH);
  }
}
