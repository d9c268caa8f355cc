package dev.provbench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test the quick loop ({@code mvn test -Pquick}, which leaves out the tag {@code slow}) skips and {@code mvn verify}
 * runs: a child JVM, a whole run or demo, or real waits. Say in one line why it is slow.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
  /** Why the test is slow, in one line: what it starts or waits for. */
  String value();
}
