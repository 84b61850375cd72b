package dev.hashring.ketama;

import dev.hashring.HashAlgorithm;

/**
 * The options of one {@code ring(...)} call, read and checked.
 *
 * @param hashName the key hash as the user named it (or the profile's default)
 * @param hash the key hash
 * @param pointsPerWeight points per unit of weight ({@code native} only; 0 for the others)
 * @param hashTag twemproxy's two hash-tag characters, or {@code null}
 * @param nodes how servers become node text
 * @param nodeFormat the {@code node_format} option's value, or {@code null} when it does not apply
 * @param namespace Dalli's {@code namespace} option, or {@code null}
 * @param weighted libmemcached's {@code weighted} option ({@code auto}, {@code true} or {@code
 *     false}), or {@code null} when it does not apply
 */
record RingOptions(
    String hashName,
    HashAlgorithm hash,
    int pointsPerWeight,
    String hashTag,
    NodeFormat nodes,
    String nodeFormat,
    String namespace,
    String weighted) {}
