/**
 * Jump consistent hashing where any server can leave: the selector {@code anchor}, JumpBackAnchor
 * over XXH3, driven by an explicit history of the servers added and removed.
 */
module dev.hashring.anchor {
  requires dev.hashring.api;
  requires dev.hashring.hash4j;
  requires com.dynatrace.hash4j;
  requires static com.google.auto.service;

  provides dev.hashring.ServerSelector with
      dev.hashring.anchor.AnchorSelector;
}
