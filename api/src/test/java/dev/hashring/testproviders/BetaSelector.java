package dev.hashring.testproviders;

/** A working test provider that shares a jar with broken ones. */
public class BetaSelector extends FirstServerSelector {
  @Override
  public String name() {
    return "beta";
  }
}
