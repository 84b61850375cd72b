/**
 * Ketama consistent hashing: the selector {@code ketama}, with this project's own ring and profiles
 * that reproduce libmemcached, spymemcached, twemproxy, xmemcached and Dalli bit for bit. Exports
 * nothing; the selector is found through {@link java.util.ServiceLoader}.
 */
module dev.hashring.ketama {
  requires dev.hashring.api;
  requires static com.google.auto.service;

  provides dev.hashring.ServerSelector with
      dev.hashring.ketama.KetamaSelector;
}
