/** Fast modern 64-bit hash algorithms from hash4j, registered by name. Exports nothing. */
module dev.hashring.hash4j {
  requires dev.hashring.api;
  requires com.dynatrace.hash4j;
  requires static com.google.auto.service;

  provides dev.hashring.HashAlgorithm with
      dev.hashring.hash4j.Komihash50Hash,
      dev.hashring.hash4j.WyhashFinal4Hash,
      dev.hashring.hash4j.Xxh3Hash,
      dev.hashring.hash4j.Xxh64Hash;
}
