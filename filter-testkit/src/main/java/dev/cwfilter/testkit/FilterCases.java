package dev.cwfilter.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A JUnit 5 source of {@link FilterCase}s written in a file: each case of the file becomes one run of a
 * {@code @ParameterizedTest}, named after the case.
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @FilterCases("my-filters.yaml")
 * void filterCase(FilterCase filterCase) {
 *     filterCase.verify();
 * }
 * }</pre>
 *
 * <p>The files are classpath resources, looked up from the classpath root (a leading {@code /} is optional) and then
 * beside the test class; {@code .yaml}/{@code .yml} files hold YAML, {@code .jsonl} files one JSON case per line.
 * The schema is described in {@code docs/testkit.md} and on {@link FilterCase}. A file that cannot be read, is not
 * well formed or breaks the schema fails the test with a message naming the file and the line.
 *
 * <p>Why an {@code ArgumentsProvider} rather than a {@code @TestTemplate} extension: the cases run through JUnit's
 * own parameterized machinery (display names, filtering, re-running one case from the IDE, mixing with other
 * sources), and the test method stays visible and in the user's hands, free to add its own assertions per case.
 *
 * <p>An annotation, immutable; the cases it provides are immutable and thread-safe, so parallel test execution is
 * fine.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(FilterCasesProvider.class)
public @interface FilterCases {

    /** The case files: classpath resources ending in {@code .yaml}, {@code .yml} or {@code .jsonl}. */
    String[] value();
}
