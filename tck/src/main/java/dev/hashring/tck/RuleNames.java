package dev.hashring.tck;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/** Names each rule's test after the rule: its number and title, as {@link Rule#toString()}. */
final class RuleNames extends DisplayNameGenerator.Standard {

  @Override
  public String generateDisplayNameForMethod(
      List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
    Verifies verifies = testMethod.getAnnotation(Verifies.class);
    return verifies != null
        ? verifies.value().toString()
        : super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
  }
}
