package dev.hashring.testproviders;

/** A test provider with a name the registry refuses. */
public class BadNameSelector extends FirstServerSelector {
  @Override
  public String name() {
    return "Bad Name";
  }
}
