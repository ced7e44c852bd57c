package dev.cwfilter.testkit;

import dev.cwfilter.FilterPatternException;
import dev.cwfilter.ParsedPattern;
import dev.cwfilter.PatternIssue;
import dev.cwfilter.testkit.internal.Facts;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about why CloudWatch rejects a pattern, from {@link PatternAssert#isInvalid()}:
 *
 * <pre>{@code
 * assertThatPattern("{ $.a = }").isInvalid().withErrorAt(1, 9).withMessageContaining("expected a value after '='");
 * }</pre>
 *
 * <p>Positions are those of the first problem, 1-based, as {@link PatternIssue} gives them. Not thread-safe, like
 * every AssertJ assertion.
 */
public final class InvalidPatternAssert extends AbstractAssert<InvalidPatternAssert, ParsedPattern> {

    InvalidPatternAssert(ParsedPattern parsed) {
        super(parsed, InvalidPatternAssert.class);
    }

    /** Asserts that the first problem is at this 1-based line and column. */
    public InvalidPatternAssert withErrorAt(int line, int column) {
        PatternIssue first = actual.issues().get(0);
        if (first.line() != line || first.column() != column) {
            fail(new Facts().add("expected", "the first error at line " + line + ", column " + column)
                    .add("pattern", actual.text())
                    .add("actual", first.describe() + "\n" + first.excerpt(actual.text())));
        }
        return this;
    }

    /**
     * Asserts that the message CloudWatch's rejection gives (as {@link FilterPatternException#getMessage()} renders
     * it: the first problem with its position and excerpt) or the message of any other problem found contains the
     * text.
     */
    public InvalidPatternAssert withMessageContaining(String text) {
        Objects.requireNonNull(text, "text");
        String message = new FilterPatternException(actual.text(), actual.issues()).getMessage();
        boolean found = message.contains(text)
                || actual.issues().stream().anyMatch(i -> i.message().contains(text));
        if (!found) {
            fail(new Facts().add("expected", "an error message containing \"" + text + "\"")
                    .add("pattern", actual.text())
                    .add("actual", message));
        }
        return this;
    }

    private void fail(Facts facts) {
        failWithMessage("%s", facts.toString());
    }
}
