package dev.cwfilter.testkit;

import dev.cwfilter.testkit.internal.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Reads the files of a {@link FilterCases} annotation into {@link FilterCase} arguments. JUnit creates one per
 * parameterized test; not meant to be shared between threads.
 */
final class FilterCasesProvider implements ArgumentsProvider, AnnotationConsumer<FilterCases> {

    private String[] files = new String[0];

    @Override
    public void accept(FilterCases annotation) {
        files = annotation.value();
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
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
