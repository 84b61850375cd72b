package dev.hashring.testproviders;

/** Listed in a service file, but not a provider of the service. */
public class NotASelector {}
