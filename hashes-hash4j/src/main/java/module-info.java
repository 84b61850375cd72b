/**
 * Fast modern 64-bit hash algorithms from hash4j, registered by name. {@code dev.hashring.hash4j}
 * also offers them directly ({@code Hash4jAlgorithms}), for selectors whose default key hash is one
 * of them.
 */
module dev.hashring.hash4j {
  requires transitive dev.hashring.api;
  requires com.dynatrace.hash4j;
  requires static com.google.auto.service;

  exports dev.hashring.hash4j;

  provides dev.hashring.HashAlgorithm with
      dev.hashring.hash4j.provider.Komihash50Hash,
      dev.hashring.hash4j.provider.WyhashFinal4Hash,
      dev.hashring.hash4j.provider.Xxh3Hash,
      dev.hashring.hash4j.provider.Xxh64Hash;
}
