/** The {@code maglev} selector: the Maglev lookup table, weighted. */
module dev.hashring.maglev {
  requires dev.hashring.api;
  requires dev.hashring.hash4j;
  requires com.dynatrace.hash4j;
  requires static com.google.auto.service;

  provides dev.hashring.ServerSelector with
      dev.hashring.maglev.MaglevSelector;
}
