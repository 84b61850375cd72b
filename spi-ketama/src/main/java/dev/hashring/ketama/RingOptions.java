package dev.hashring.ketama;

import dev.hashring.HashAlgorithm;

/**
 * The options of one {@code ring(...)} call, read and checked.
 *
 * @param hashName the key hash as the user named it (or the profile's default)
 * @param hash the key hash
 * @param pointsPerWeight points per unit of weight ({@code native} only; 0 for the others)
 * @param hashTag twemproxy's two hash-tag characters, or {@code null}
 */
record RingOptions(String hashName, HashAlgorithm hash, int pointsPerWeight, String hashTag) {}
