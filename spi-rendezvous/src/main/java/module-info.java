/**
 * The {@code rendezvous} selector: weighted rendezvous hashing, and {@code compat=pymemcache}, bit
 * for bit with pymemcache's {@code HashClient}.
 */
module dev.hashring.rendezvous {
  requires dev.hashring.api;
  requires dev.hashring.hash4j;
  requires com.dynatrace.hash4j;
  requires static com.google.auto.service;

  provides dev.hashring.ServerSelector with
      dev.hashring.rendezvous.RendezvousSelector;
}
