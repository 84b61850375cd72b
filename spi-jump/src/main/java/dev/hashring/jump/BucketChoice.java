package dev.hashring.jump;

/**
 * A consistent bucket function: a 64-bit key hash and a bucket count in, a bucket out. Growing the
 * count from {@code n} to {@code n + 1} moves a key only into the new bucket {@code n}.
 */
@FunctionalInterface
interface BucketChoice {

  /**
   * The bucket of a key.
   *
   * @param keyHash the key's 64-bit hash
   * @param buckets how many buckets there are, at least 1
   * @return a bucket from 0 to {@code buckets - 1}
   */
  int bucket(long keyHash, int buckets);
}
