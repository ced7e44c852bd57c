package dev.cwfilter.events.definitions;

import dev.cwfilter.events.EventRule;
import java.util.Objects;

/**
 * A rule as it is kept: read from {@code aws events list-rules} output, a CloudFormation template or a Terraform plan,
 * with the resource's name and where it is written, so that failures can point at it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule     the rule, its targets attached
 * @param resource the rule's name in the file: the rule's Name, a CloudFormation logical id, a Terraform address
 * @param file     the file it was read from, as the caller named it
 * @param line     the 1-based line where it starts (0 if unknown)
 */
public record RuleDefinition(EventRule rule, String resource, String file, int line) {

    /** Checks for null. */
    public RuleDefinition {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(file, "file");
    }

    /** Where it is written: {@code template.yaml line 14}. */
    public String location() {
        return file + (line > 0 ? " line " + line : "");
    }

    /** The resource's name. */
    @Override
    public String toString() {
        return resource;
    }
}
