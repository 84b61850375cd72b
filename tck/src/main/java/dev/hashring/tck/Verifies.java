package dev.hashring.tck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test method that checks a rule, so that display names and the runner's report can say
 * which rule a result belongs to.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Verifies {

  /** The rule the method checks. */
  Rule value();
}
