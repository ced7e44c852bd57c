package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import picocli.CommandLine.Option;

/**
 * The pattern behaviours CloudWatch does not document exactly ({@link FilterOptions}), as options shared by every
 * command that compiles a pattern. Each defaults to the behaviour docs/semantics-decisions.md records.
 *
 * <p>Not thread-safe: picocli fills one instance per command invocation.
 */
public final class PatternOptions {

    @Option(names = "--lenient-json-prefix",
            description = "A JSON pattern also matches a message with text before its JSON object (a Lambda or "
                    + "Docker line), reading the JSON from the first '{'. Default: the whole message must be JSON "
                    + "(U4).")
    boolean lenientJsonPrefix;

    @Option(names = "--exact-field-count",
            description = "A space-delimited pattern without '...' matches only events with exactly as many fields."
                    + " Default: the last field takes the rest of the event (U1).")
    boolean exactFieldCount;

    @Option(names = "--lenient-term-characters",
            description = "Bare terms may also hold . / @ = (CloudWatch documents letters, digits and _ only; U11).")
    boolean lenientTermCharacters;

    /** The options these flags select. */
    public FilterOptions.Builder toBuilder() {
        return FilterOptions.builder().lenientJsonPrefix(lenientJsonPrefix).exactFieldCount(exactFieldCount)
                .lenientTermCharacters(lenientTermCharacters);
    }
}
