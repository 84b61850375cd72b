package dev.hashring.testproviders;

/** A test provider whose constructor fails. */
public class ThrowingSelector extends FirstServerSelector {
  /** Fails. */
  public ThrowingSelector() {
    throw new IllegalStateException("no licence for this selector");
  }
}
