package dev.hashring.anchor;

/**
 * What a replayed history gives a ring: the buckets, and which server owns each live one.
 *
 * @param table the buckets, for lookups
 * @param ownerOfBucket for each bucket, the index of its server in the ring's list, or -1 when the
 *     bucket is removed
 * @param firstBucket for server {@code i}, where its buckets start in {@code buckets}; entry {@code
 *     servers} is where they end
 * @param buckets the live buckets of every server, server by server, each in the order it got them
 */
record BucketLayout(BucketTable table, int[] ownerOfBucket, int[] firstBucket, int[] buckets) {}
