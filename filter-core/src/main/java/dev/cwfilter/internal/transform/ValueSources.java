package dev.cwfilter.internal.transform;

import dev.cwfilter.StandardUnit;
import dev.cwfilter.ast.DelimitedField;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.Lexical;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.internal.eval.json.JsonFieldReader;
import dev.cwfilter.internal.eval.value.FieldRequest;
import dev.cwfilter.internal.eval.value.Numbers;
import dev.cwfilter.internal.parse.PatternParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a metric filter's value and dimension expressions against its pattern, as PutMetricFilter validates them,
 * into {@link ValueSource}s, gathering the JSON selectors and space-delimited fields they read; then builds the
 * {@link MetricTransformation}. A {@code $.selector} is read by the selector parser, as in a JSON pattern.
 *
 * <p>Not thread-safe: one per metric filter being built.
 */
public final class ValueSources {

    private final Pattern ast;
    private final List<Selector> selectors = new ArrayList<>();
    private final List<FieldRequest> requests = new ArrayList<>();

    /** Sources read against this (valid) pattern. */
    public ValueSources(Pattern ast) {
        this.ast = ast;
    }

    /**
     * The source of a metric value: a finite number, or a field as {@link #field} reads it.
     *
     * @throws IllegalArgumentException as {@link #field} does
     */
    public ValueSource value(String what, String expression) {
        return Lexical.isNumber(expression) && Double.isFinite(Numbers.parseDouble(expression))
                ? new ValueSource.Literal(expression)
                : field(what, expression);
    }

    /**
     * The source of a field's value: {@code $.selector} with a JSON pattern, {@code $name} or {@code $N} with a
     * space-delimited pattern.
     *
     * @param what       what the expression is, for the message ({@code metricValue}, {@code dimension 'Name'})
     * @param expression the expression as given
     * @throws IllegalArgumentException if it is none of those, or does not fit the pattern
     */
    public ValueSource field(String what, String expression) {
        if (expression.startsWith("$.") || expression.startsWith("$[")) {
            if (!(ast instanceof JsonPattern)) {
                throw new IllegalArgumentException(what + " '" + expression + "' selects a JSON field: it needs"
                        + " a JSON filter pattern");
            }
            PatternParser.SelectorOutcome parsed = PatternParser.selector(expression);
            if (parsed.selector() == null) {
                throw new IllegalArgumentException(what + " '" + expression + "' is not a valid JSON selector: "
                        + parsed.issue().message());
            }
            if (parsed.selector().wildcardCount() > 0) {
                throw new IllegalArgumentException(what + " '" + expression + "' has a wildcard: it must select"
                        + " one field");
            }
            selectors.add(parsed.selector());
            return new ValueSource.JsonField(selectors.size() - 1);
        }
        if (expression.startsWith("$") && expression.length() > 1) {
            String name = expression.substring(1);
            if (!(ast instanceof DelimitedPattern delimited)) {
                throw new IllegalArgumentException(what + " '" + expression + "' names a space-delimited field:"
                        + " it needs a space-delimited filter pattern");
            }
            if (name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int position = Integer.parseInt(name.length() > 9 ? "999999999" : name);
                if (position < 1) {
                    throw new IllegalArgumentException(what + " '" + expression + "': fields count from $1");
                }
                requests.add(FieldRequest.at(position));
                return new ValueSource.RequestedField(requests.size() - 1);
            }
            boolean named = delimited.fields().stream()
                    .anyMatch(f -> f instanceof DelimitedField.Named n && n.name().equals(name));
            if (!named) {
                throw new IllegalArgumentException(what + " '" + expression + "' names no field of the pattern");
            }
            requests.add(FieldRequest.named(name));
            return new ValueSource.RequestedField(requests.size() - 1);
        }
        throw new IllegalArgumentException(what + " '" + expression + "' must be a number, a JSON selector such"
                + " as $.latency, or a space-delimited field such as $size or $7");
    }

    /**
     * The transformation of the sources read so far.
     *
     * @param value          the metric value's source
     * @param dimensionNames the dimensions' names, in order
     * @param dimensions     their sources, in the same order
     * @param unit           the metric's unit
     * @param options        the pattern's evaluation options (the JSON fields are read under the same limits)
     */
    public MetricTransformation transformation(ValueSource value, List<String> dimensionNames,
                                               List<ValueSource> dimensions, StandardUnit unit, EvalOptions options) {
        JsonFieldReader reader = selectors.isEmpty() ? null
                : new JsonFieldReader(selectors, Compiler.jsonFactoryFor(options), options.lenientJsonPrefix());
        return new MetricTransformation(value, dimensionNames, dimensions, unit, requests, selectors, reader);
    }
}
