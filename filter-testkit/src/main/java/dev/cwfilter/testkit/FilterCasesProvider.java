package dev.cwfilter.testkit;

import dev.cwfilter.testkit.internal.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/**
 * Reads the files of a {@link FilterCases} annotation into {@link FilterCase} arguments. JUnit creates one per
 * parameterized test; not meant to be shared between threads.
 *
 * <p>Works with JUnit 5.10 and later, 6 included: it implements {@link #provideArguments(ExtensionContext)}, the one
 * method of JUnit 5.10 to 5.12, which later versions still call through their default
 * {@code provideArguments(ParameterDeclarations, ExtensionContext)}. It must not mention {@code ParameterDeclarations}
 * (JUnit 5.13 and later only): JUnit 5.10 reads this class's methods, and would fail with a
 * {@code NoClassDefFoundError} (the consumer build in {@code src/it/consumer-junit-5.10} checks this).
 */
final class FilterCasesProvider implements ArgumentsProvider, AnnotationConsumer<FilterCases> {

    private String[] files = new String[0];

    @Override
    public void accept(FilterCases annotation) {
        Requirements.check();
        files = annotation.value();
    }

    /** The cases (deprecated in JUnit 5.13 in favour of a method JUnit 5.10 does not have; see the class comment). */
    @Override
    @SuppressWarnings("deprecation")
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        Class<?> anchor = context.getRequiredTestClass();
        List<Arguments> arguments = new ArrayList<>();
        for (String file : files) {
            for (FilterCase c : FilterCase.parse(Documents.readResource(file, anchor), file)) {
                arguments.add(Arguments.of(c));
            }
        }
        if (arguments.isEmpty()) {
            throw new FileFormatException(String.join(", ", files), 0, "no cases found", null);
        }
        return arguments.stream();
    }
}
