/**
 * The standard hash algorithms of the api jar, and the client variants behind {@link
 * dev.hashring.spi.ClientHashes}. Not exported: users find the algorithms by name through {@link
 * dev.hashring.HashAlgorithms}, and provider authors reach the variants through {@code
 * ClientHashes}.
 *
 * <p>Every function here reads only the slice it is given, allocates nothing per call (keys longer
 * than a per-thread buffer excepted, where noted), keeps no state between calls, and is safe to
 * call from any thread.
 */
package dev.hashring.hash;
