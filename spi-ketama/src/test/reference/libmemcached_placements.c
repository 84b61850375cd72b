/*
 * Prints where the installed libmemcached places keys, computed in process by the library itself
 * (memcached_generate_hash: the same function every libmemcached get and set uses to pick a
 * server). No memcached server is contacted: placement needs none.
 *
 * usage: libmemcached_placements MODE HASH SERVER...   (keys on stdin, one per line)
 *   MODE    ketama    MEMCACHED_BEHAVIOR_KETAMA=1, servers added afterwards with weight 1
 *           weighted  MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED=1, then the servers with their weights
 *           spy       MEMCACHED_DISTRIBUTION_CONSISTENT_KETAMA_SPY, then the servers with their
 *                     weights (server_add switches the weighted ring on for a weight > 1)
 *           implicit  MEMCACHED_DISTRIBUTION_CONSISTENT, then the servers with their weights
 *                     (the weighted ring switched on by server_add, as php-memcached does when
 *                     OPT_DISTRIBUTION is set before addServer)
 *   HASH    one of default md5 crc fnv1_64 fnv1a_64 fnv1_32 fnv1a_32 hsieh murmur jenkins murmur3,
 *           (hsieh fails: the Debian build lacks it, MEMCACHED_BEHAVIOR_HASH answers INVALID_ARGUMENTS)
 *           set with MEMCACHED_BEHAVIOR_HASH after MODE
 *   SERVER  host:port:weight
 * output: key<TAB>host:port of the server the key belongs to
 */
#include <libmemcached/memcached.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *HASHES[] = {"default", "md5",    "crc",     "fnv1_64", "fnv1a_64", "fnv1_32",
                               "fnv1a_32", "hsieh", "murmur", "jenkins", "murmur3",  NULL};

static int hash_code(const char *name) {
  for (int i = 0; HASHES[i]; i++) {
    if (strcmp(HASHES[i], name) == 0) {
      return i; /* the memcached_hash_t order of types/hash.h */
    }
  }
  fprintf(stderr, "unknown hash %s\n", name);
  exit(2);
}

static void check(memcached_return_t rc, const char *what) {
  if (rc != MEMCACHED_SUCCESS) {
    fprintf(stderr, "%s failed: %d\n", what, (int) rc);
    exit(3);
  }
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s MODE HASH host:port:weight...\n", argv[0]);
    return 2;
  }
  const char *mode = argv[1];
  memcached_st *memc = memcached_create(NULL);
  if (strcmp(mode, "ketama") == 0) {
    check(memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_KETAMA, 1), "KETAMA");
  } else if (strcmp(mode, "weighted") == 0) {
    check(memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED, 1), "KETAMA_WEIGHTED");
  } else if (strcmp(mode, "spy") == 0) {
    check(memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_DISTRIBUTION,
                                 MEMCACHED_DISTRIBUTION_CONSISTENT_KETAMA_SPY),
          "DISTRIBUTION");
  } else if (strcmp(mode, "implicit") == 0) {
    check(memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_DISTRIBUTION,
                                 MEMCACHED_DISTRIBUTION_CONSISTENT),
          "DISTRIBUTION");
  } else {
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
  }
  check(memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_HASH, hash_code(argv[2])), "HASH");
  for (int i = 3; i < argc; i++) {
    char spec[1100];
    snprintf(spec, sizeof spec, "%s", argv[i]);
    char *weight = strrchr(spec, ':');
    *weight++ = '\0';
    char *port = strrchr(spec, ':');
    *port++ = '\0';
    check(memcached_server_add_with_weight(memc, spec, (in_port_t) atoi(port),
                                           (uint32_t) atoi(weight)),
          "server_add");
  }
  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;
  while ((length = getline(&line, &capacity, stdin)) > 0) {
    if (line[length - 1] == '\n') {
      line[--length] = '\0';
    }
    uint32_t index = memcached_generate_hash(memc, line, (size_t) length);
    const memcached_instance_st *server = memcached_server_instance_by_position(memc, index);
    printf("%s\t%s:%u\n", line, memcached_server_name(server),
           (unsigned) memcached_server_port(server));
  }
  free(line);
  memcached_free(memc);
  return 0;
}
