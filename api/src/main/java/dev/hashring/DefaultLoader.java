package dev.hashring;

/** The class loader the default registries search. */
final class DefaultLoader {

  private DefaultLoader() {}

  /** The thread context class loader, or the loader of {@code owner} when there is none. */
  static ClassLoader get(Class<?> owner) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : owner.getClassLoader();
  }
}
