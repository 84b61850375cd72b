/*
 * Prints, as a TSV on standard output, what the installed libmemcached computes for every key hash
 * it offers, on a fixed set of keys: memcached_generate_hash_value(key, length, algorithm).
 *
 * The header (lines starting with '#') also records, for each algorithm, whether the library
 * reports it as compiled in (libhashkit_has_algorithm), whether a client can select it
 * (memcached_behavior_set(MEMCACHED_BEHAVIOR_HASH, ...)), and which function a client with two
 * servers then really hashes its keys with (hashkit_digest of the client's hashkit).
 *
 * Build and run through record.sh; the output is committed as a test resource of the api module.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libhashkit-1.0/hashkit.h>
#include <libmemcached/memcached.h>

struct algorithm {
  const char *name; /* the registry-style name hashring uses */
  memcached_hash_t hash;
  hashkit_hash_algorithm_t kit;
};

static const struct algorithm ALGORITHMS[] = {
    {"default", MEMCACHED_HASH_DEFAULT, HASHKIT_HASH_DEFAULT},
    {"md5", MEMCACHED_HASH_MD5, HASHKIT_HASH_MD5},
    {"crc", MEMCACHED_HASH_CRC, HASHKIT_HASH_CRC},
    {"fnv1_64", MEMCACHED_HASH_FNV1_64, HASHKIT_HASH_FNV1_64},
    {"fnv1a_64", MEMCACHED_HASH_FNV1A_64, HASHKIT_HASH_FNV1A_64},
    {"fnv1_32", MEMCACHED_HASH_FNV1_32, HASHKIT_HASH_FNV1_32},
    {"fnv1a_32", MEMCACHED_HASH_FNV1A_32, HASHKIT_HASH_FNV1A_32},
    {"hsieh", MEMCACHED_HASH_HSIEH, HASHKIT_HASH_HSIEH},
    {"murmur", MEMCACHED_HASH_MURMUR, HASHKIT_HASH_MURMUR},
    {"jenkins", MEMCACHED_HASH_JENKINS, HASHKIT_HASH_JENKINS},
    {"murmur3", MEMCACHED_HASH_MURMUR3, HASHKIT_HASH_MURMUR3},
};
#define ALGORITHM_COUNT (sizeof ALGORITHMS / sizeof *ALGORITHMS)

#define MAX_KEYS 1024
#define MAX_KEY_LENGTH 250

static unsigned char keys[MAX_KEYS][MAX_KEY_LENGTH];
static size_t lengths[MAX_KEYS];
static size_t key_count;

static void add_key(const void *bytes, size_t length) {
  if (key_count == MAX_KEYS || length > MAX_KEY_LENGTH) {
    fprintf(stderr, "too many or too long keys\n");
    exit(1);
  }
  memcpy(keys[key_count], bytes, length);
  lengths[key_count++] = length;
}

static void add_text(const char *text) { add_key(text, strlen(text)); }

/* xorshift32: a fixed, documented sequence, so that every run records the same keys. */
static uint32_t random_state = 2463534242u;
static uint32_t next_random(void) {
  random_state ^= random_state << 13;
  random_state ^= random_state >> 17;
  random_state ^= random_state << 5;
  return random_state;
}

static void make_keys(void) {
  /* The 26 inputs of libmemcached's test/fixtures/hashes.hpp. */
  static const char *const fixtures[] = {
      "apple", "beat", "carrot", "daikon", "eggplant", "flower", "green", "hide", "ick",
      "jack", "kick", "lime", "mushrooms", "nectarine", "orange", "peach", "quant", "ripen",
      "strawberry", "tang", "up", "volumne", "when", "yellow", "zip",
      "The quick brown fox jumps over the lazy dog"};
  for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++) {
    add_text(fixtures[i]);
  }
  add_key("", 0);
  /* Every single byte: shows sign extension of bytes >= 0x80 directly. */
  for (int b = 0; b < 256; b++) {
    unsigned char one = (unsigned char) b;
    add_key(&one, 1);
  }
  /* Every length from 1 to 40 of an ASCII and of a high-byte pattern: every tail case of the
   * block-wise hashes (murmur, murmur3, jenkins, hsieh) with and without bytes >= 0x80. */
  unsigned char ascii[40];
  unsigned char high[40];
  for (int i = 0; i < 40; i++) {
    ascii[i] = (unsigned char) ("abcdefghijklmnopqrstuvwxyz0123456789ABCD"[i]);
    high[i] = (unsigned char) (0x80 + i * 3);
  }
  for (int length = 1; length <= 40; length++) {
    add_key(ascii, (size_t) length);
    add_key(high, (size_t) length);
  }
  /* UTF-8 keys. */
  add_text("\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87");             /* ключ */
  add_text("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");         /* 日本語 */
  add_text("user:\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87");        /* user:ключ */
  add_text("caf\xc3\xa9");                                  /* café */
  add_text("\xf0\x9f\x94\x91:42");                          /* 🔑:42 */
  add_text("user:42");
  add_text("session:4f2a9c");
  /* Random bytes: 140 short keys, then 10 of 200 to 250 bytes. */
  for (int i = 0; i < 150; i++) {
    unsigned char bytes[MAX_KEY_LENGTH];
    size_t length = i < 140 ? 1 + next_random() % 64 : 200 + next_random() % 51;
    for (size_t j = 0; j < length; j++) {
      bytes[j] = (unsigned char) next_random();
    }
    add_key(bytes, length);
  }
}

/* Which algorithm a client that selected `wanted` really hashes its keys with. */
static const char *used_by_client(const struct algorithm *wanted, memcached_return_t *set) {
  memcached_st *client = memcached_create(NULL);
  memcached_server_add(client, "127.0.0.1", 1);
  memcached_server_add(client, "127.0.0.1", 2);
  *set = memcached_behavior_set(client, MEMCACHED_BEHAVIOR_HASH, (uint64_t) wanted->hash);
  const char *used = "none of them";
  for (size_t a = 0; a < ALGORITHM_COUNT; a++) {
    int same = 1;
    for (size_t k = 0; k < key_count && same; k++) {
      const char *key = (const char *) keys[k];
      same = hashkit_digest(memcached_get_hashkit(client), key, lengths[k])
             == memcached_generate_hash_value(key, lengths[k], ALGORITHMS[a].hash);
    }
    if (same) {
      used = ALGORITHMS[a].name;
      break;
    }
  }
  memcached_free(client);
  return used;
}

int main(void) {
  make_keys();
  printf("# libmemcached %s, memcached_generate_hash_value(key, length, algorithm) per column.\n",
         memcached_lib_version());
  for (size_t a = 0; a < ALGORITHM_COUNT; a++) {
    memcached_return_t set;
    const char *used = used_by_client(&ALGORITHMS[a], &set);
    printf("# %s: libhashkit_has_algorithm=%s; memcached_behavior_set(HASH)=%s; "
           "a client then hashes keys with %s\n",
           ALGORITHMS[a].name, libhashkit_has_algorithm(ALGORITHMS[a].kit) ? "true" : "false",
           memcached_strerror(NULL, set), used);
  }
  printf("key_hex");
  for (size_t a = 0; a < ALGORITHM_COUNT; a++) {
    printf("\t%s", ALGORITHMS[a].name);
  }
  printf("\n");
  for (size_t k = 0; k < key_count; k++) {
    for (size_t i = 0; i < lengths[k]; i++) {
      printf("%02x", keys[k][i]);
    }
    for (size_t a = 0; a < ALGORITHM_COUNT; a++) {
      printf("\t%" PRIu32,
             memcached_generate_hash_value((const char *) keys[k], lengths[k], ALGORITHMS[a].hash));
    }
    printf("\n");
  }
  return 0;
}
