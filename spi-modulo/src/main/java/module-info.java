/**
 * Modulo server selection for hashring: the selector {@code modulo}, with weighted slots as its own
 * variant and the libmemcached, spymemcached and twemproxy modula profiles.
 */
module dev.hashring.modulo {
  requires dev.hashring.api;
  requires static com.google.auto.service;

  provides dev.hashring.ServerSelector with
      dev.hashring.modulo.ModuloSelector;
}
