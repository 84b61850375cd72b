/*
 * lmc-store: store keys through the real libmemcached, configured step by step.
 *
 * Usage: lmc-store STEP...   (keys on stdin, one per line; results on stdout)
 *
 * The steps run in the order given, so any order of "set a behaviour" and "add a server"
 * can be reproduced (libmemcached switches its weighted flag on or off as a side effect of
 * both). Steps:
 *   server=HOST:PORT:WEIGHT     memcached_server_add_with_weight
 *   push=HOST:PORT:WEIGHT,...   memcached_server_list_append_with_weight + memcached_server_push
 *   distribution=NAME           MEMCACHED_BEHAVIOR_DISTRIBUTION: modula, consistent,
 *                               consistent_ketama, consistent_ketama_spy, consistent_weighted
 *   hash=NAME                   MEMCACHED_BEHAVIOR_HASH: default, md5, crc, fnv1_64, fnv1a_64,
 *                               fnv1_32, fnv1a_32, hsieh, murmur, jenkins, murmur3
 *   ketama=0|1                  MEMCACHED_BEHAVIOR_KETAMA
 *   ketama_weighted=0|1         MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED
 *
 * Output: one "# step ... rc=..." line per step, one "# state ..." line with the behaviours in
 * force after the last step, one "# hash ..." line with memcached_generate_hash_value("apple")
 * for the configured hash, then one line per key: "STORED" or "REFUSED <libmemcached error>".
 * The value stored for the key on input line N (from 0) is "id:N".
 */
#include <libmemcached/memcached.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct name_value {
  const char *name;
  int value;
};

static const struct name_value DISTRIBUTIONS[] = {
    {"modula", MEMCACHED_DISTRIBUTION_MODULA},
    {"consistent", MEMCACHED_DISTRIBUTION_CONSISTENT},
    {"consistent_ketama", MEMCACHED_DISTRIBUTION_CONSISTENT_KETAMA},
    {"consistent_ketama_spy", MEMCACHED_DISTRIBUTION_CONSISTENT_KETAMA_SPY},
    {"consistent_weighted", MEMCACHED_DISTRIBUTION_CONSISTENT_WEIGHTED},
    {NULL, 0}};

static const struct name_value HASHES[] = {
    {"default", MEMCACHED_HASH_DEFAULT}, {"md5", MEMCACHED_HASH_MD5},
    {"crc", MEMCACHED_HASH_CRC},         {"fnv1_64", MEMCACHED_HASH_FNV1_64},
    {"fnv1a_64", MEMCACHED_HASH_FNV1A_64}, {"fnv1_32", MEMCACHED_HASH_FNV1_32},
    {"fnv1a_32", MEMCACHED_HASH_FNV1A_32}, {"hsieh", MEMCACHED_HASH_HSIEH},
    {"murmur", MEMCACHED_HASH_MURMUR},   {"jenkins", MEMCACHED_HASH_JENKINS},
    {"murmur3", MEMCACHED_HASH_MURMUR3}, {NULL, 0}};

static int lookup(const struct name_value *table, const char *name, const char *what) {
  for (int i = 0; table[i].name != NULL; i++) {
    if (strcmp(table[i].name, name) == 0) {
      return table[i].value;
    }
  }
  fprintf(stderr, "lmc-store: unknown %s '%s'\n", what, name);
  exit(2);
}

static const char *name_of(const struct name_value *table, int value) {
  for (int i = 0; table[i].name != NULL; i++) {
    if (table[i].value == value) {
      return table[i].name;
    }
  }
  return "?";
}

/* Splits "host:port:weight" in place. */
static void split_server(char *spec, char **host, in_port_t *port, uint32_t *weight) {
  char *weight_sep = strrchr(spec, ':');
  if (weight_sep == NULL) {
    fprintf(stderr, "lmc-store: expected HOST:PORT:WEIGHT, got '%s'\n", spec);
    exit(2);
  }
  *weight_sep = '\0';
  char *port_sep = strrchr(spec, ':');
  if (port_sep == NULL) {
    fprintf(stderr, "lmc-store: expected HOST:PORT:WEIGHT\n");
    exit(2);
  }
  *port_sep = '\0';
  *host = spec;
  *port = (in_port_t)atoi(port_sep + 1);
  *weight = (uint32_t)strtoul(weight_sep + 1, NULL, 10);
}

static memcached_return_t run_step(memcached_st *memc, char *step) {
  char *equals = strchr(step, '=');
  if (equals == NULL) {
    fprintf(stderr, "lmc-store: expected NAME=VALUE, got '%s'\n", step);
    exit(2);
  }
  *equals = '\0';
  const char *name = step;
  char *value = equals + 1;
  if (strcmp(name, "server") == 0) {
    char *host;
    in_port_t port;
    uint32_t weight;
    split_server(value, &host, &port, &weight);
    return memcached_server_add_with_weight(memc, host, port, weight);
  }
  if (strcmp(name, "push") == 0) {
    memcached_server_st *list = NULL;
    memcached_return_t rc = MEMCACHED_SUCCESS;
    for (char *spec = strtok(value, ","); spec != NULL; spec = strtok(NULL, ",")) {
      char *host;
      in_port_t port;
      uint32_t weight;
      split_server(spec, &host, &port, &weight);
      list = memcached_server_list_append_with_weight(list, host, port, weight, &rc);
      if (rc != MEMCACHED_SUCCESS) {
        return rc;
      }
    }
    rc = memcached_server_push(memc, list);
    memcached_server_list_free(list);
    return rc;
  }
  if (strcmp(name, "distribution") == 0) {
    return memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_DISTRIBUTION,
                                  (uint64_t)lookup(DISTRIBUTIONS, value, "distribution"));
  }
  if (strcmp(name, "hash") == 0) {
    return memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_HASH,
                                  (uint64_t)lookup(HASHES, value, "hash"));
  }
  if (strcmp(name, "ketama") == 0) {
    return memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_KETAMA, strtoull(value, NULL, 10));
  }
  if (strcmp(name, "ketama_weighted") == 0) {
    return memcached_behavior_set(memc, MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED,
                                  strtoull(value, NULL, 10));
  }
  fprintf(stderr, "lmc-store: unknown step '%s'\n", name);
  exit(2);
}

int main(int argc, char **argv) {
  memcached_st *memc = memcached_create(NULL);
  if (memc == NULL) {
    fprintf(stderr, "lmc-store: memcached_create failed\n");
    return 1;
  }
  for (int i = 1; i < argc; i++) {
    char *step = strdup(argv[i]);
    memcached_return_t rc = run_step(memc, step);
    printf("# step %s rc=%s\n", argv[i], memcached_strerror(memc, rc));
    free(step);
  }
  int hash = (int)memcached_behavior_get(memc, MEMCACHED_BEHAVIOR_HASH);
  printf("# state distribution=%s hash=%s ketama_weighted=%d servers=%u\n",
         name_of(DISTRIBUTIONS, (int)memcached_behavior_get(memc, MEMCACHED_BEHAVIOR_DISTRIBUTION)),
         name_of(HASHES, hash), (int)memcached_behavior_get(memc, MEMCACHED_BEHAVIOR_KETAMA_WEIGHTED),
         memcached_server_count(memc));
  printf("# hash apple=%u\n", memcached_generate_hash_value("apple", 5, (memcached_hash_t)hash));
  fflush(stdout);

  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;
  for (unsigned long id = 0; (length = getline(&line, &capacity, stdin)) >= 0; id++) {
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
      line[--length] = '\0';
    }
    char value[32];
    int value_length = snprintf(value, sizeof value, "id:%lu", id);
    memcached_return_t rc =
        memcached_set(memc, line, (size_t)length, value, (size_t)value_length, 0, 0);
    if (rc == MEMCACHED_SUCCESS) {
      printf("STORED\n");
    } else {
      printf("REFUSED %s\n", memcached_strerror(memc, rc));
    }
  }
  free(line);
  memcached_free(memc);
  return 0;
}
