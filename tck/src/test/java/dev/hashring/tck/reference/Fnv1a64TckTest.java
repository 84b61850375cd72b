package dev.hashring.tck.reference;

import dev.hashring.HashAlgorithm;
import dev.hashring.tck.HashAlgorithmTck;

/** The reference hash algorithm passes every rule: the rules can be passed. */
class Fnv1a64TckTest extends HashAlgorithmTck {

  @Override
  protected HashAlgorithm algorithm() {
    return new Fnv1a64();
  }
}
