/**
 * The hashring contract, the registries, server parsing and the standard hash algorithms. No
 * runtime dependencies.
 */
module dev.hashring.api {
  requires static com.google.auto.service;

  exports dev.hashring;
  exports dev.hashring.spi;

  uses dev.hashring.HashAlgorithm;
  uses dev.hashring.ServerSelector;

  provides dev.hashring.HashAlgorithm with
      dev.hashring.hash.Crc16Hash,
      dev.hashring.hash.Crc32aHash,
      dev.hashring.hash.CrcHash,
      dev.hashring.hash.Fnv1Hash32,
      dev.hashring.hash.Fnv1Hash64,
      dev.hashring.hash.Fnv1aHash32,
      dev.hashring.hash.Fnv1aHash64,
      dev.hashring.hash.HsiehHash,
      dev.hashring.hash.JenkinsHash,
      dev.hashring.hash.Md5Hash,
      dev.hashring.hash.Murmur3Hash,
      dev.hashring.hash.MurmurHash,
      dev.hashring.hash.NativeHash,
      dev.hashring.hash.OneAtATimeHash;
}
