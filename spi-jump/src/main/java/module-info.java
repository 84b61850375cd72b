/**
 * Jump consistent hashing for hashring: the selector {@code jump}, with JumpBackHash over XXH3 as
 * its own variant and {@code compat=guava} for Guava's {@code Hashing.consistentHash}.
 */
module dev.hashring.jump {
  requires dev.hashring.api;
  requires dev.hashring.hash4j;
  requires com.dynatrace.hash4j;
  requires com.google.common;
  requires static com.google.auto.service;

  provides dev.hashring.ServerSelector with
      dev.hashring.jump.JumpSelector;
}
