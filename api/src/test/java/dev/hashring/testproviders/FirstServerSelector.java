package dev.hashring.testproviders;

import dev.hashring.Ring;
import dev.hashring.Server;
import dev.hashring.ServerSelector;
import java.util.List;
import java.util.Map;

/** A test provider: answers the first server for every key. Only discovery is tested with it. */
public class FirstServerSelector implements ServerSelector {

  @Override
  public String name() {
    return "alpha";
  }

  @Override
  public Ring ring(List<Server> servers, Map<String, String> options) {
    return new FirstServerRing(List.copyOf(servers));
  }
}
