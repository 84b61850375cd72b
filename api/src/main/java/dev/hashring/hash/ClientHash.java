package dev.hashring.hash;

import dev.hashring.HashAlgorithm;
import java.util.Objects;

/**
 * One client's version of a hash: a name, a width, the function, and the factory call that {@code
 * toString()} prints. A small value; {@link ClientVariants} lists them per client.
 */
final class ClientHash implements HashAlgorithm {

  /** A hash of a slice already known to lie within {@code key}. */
  @FunctionalInterface
  interface SliceHash {
    long hash(byte[] key, int offset, int length);
  }

  private final String name;
  private final int bits;
  private final String factoryCall;
  private final SliceHash bytes;
  private final Utf16Hash characters;

  private ClientHash(
      String name, int bits, String factoryCall, SliceHash bytes, Utf16Hash characters) {
    this.name = name;
    this.bits = bits;
    this.factoryCall = factoryCall;
    this.bytes = bytes;
    this.characters = characters;
  }

  /** A hash of the key's bytes; a {@code String} key is hashed as its UTF-8 bytes. */
  static ClientHash overBytes(String client, String name, int bits, SliceHash function) {
    return new ClientHash(name, bits, factoryCall(client, name), function, null);
  }

  /** A hash of the key's UTF-16 characters; a key given as bytes is decoded as UTF-8 first. */
  static ClientHash overCharacters(String client, String name, int bits, Utf16Hash function) {
    return new ClientHash(name, bits, factoryCall(client, name), function::hashUtf8, function);
  }

  private static String factoryCall(String client, String name) {
    return "ClientHashes." + client + ".hash(\"" + name + "\")";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int bits() {
    return bits;
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, key.length);
    return bytes.hash(key, offset, length);
  }

  @Override
  public long hash(String key) {
    Objects.requireNonNull(key, "key");
    return characters != null ? characters.hash(key) : HashAlgorithm.super.hash(key);
  }

  @Override
  public String toString() {
    return factoryCall;
  }
}
