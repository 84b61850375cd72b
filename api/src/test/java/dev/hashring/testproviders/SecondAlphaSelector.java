package dev.hashring.testproviders;

/** A test provider that claims the name another provider already has. */
public class SecondAlphaSelector extends FirstServerSelector {}
