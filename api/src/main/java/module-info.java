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
}
