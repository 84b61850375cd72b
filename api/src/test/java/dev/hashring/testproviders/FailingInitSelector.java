package dev.hashring.testproviders;

/** A test provider whose class initialisation fails. */
public class FailingInitSelector extends FirstServerSelector {
  private static final int BROKEN = Integer.parseInt("not a number");

  @Override
  public String name() {
    return "init" + BROKEN;
  }
}
