package dev.cwfilter.ast;

import java.util.List;
import java.util.Objects;

/**
 * A JSON selector: {@code $} followed by steps, such as {@code $.eventName}, {@code $.objectList[1].id},
 * {@code $.['cluster.name']}, {@code $.arrayKey[*]} or {@code $.*}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param steps the steps from the root; never empty, and the first is a property step ({@code .name},
 *              {@code .['name']} or {@code .*}) because an index must follow a property
 */
public record Selector(List<SelectorStep> steps) {

    /** Checks the steps and takes an immutable copy of them. */
    public Selector {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a selector needs at least one step after $");
        }
        SelectorStep first = steps.get(0);
        if (first instanceof SelectorStep.Index || first instanceof SelectorStep.AnyIndex) {
            throw new IllegalArgumentException("a selector starts with a property, not an index");
        }
    }

    /** A selector of plain property steps: {@code Selector.of("userIdentity", "type")} is {@code $.userIdentity.type}. */
    public static Selector of(String... properties) {
        return new Selector(java.util.Arrays.stream(properties)
                .<SelectorStep>map(SelectorStep.Property::new).toList());
    }

    /** How many wildcard steps ({@code .*} or {@code [*]}) the selector has. */
    public int wildcardCount() {
        int n = 0;
        for (SelectorStep step : steps) {
            if (step instanceof SelectorStep.AnyProperty || step instanceof SelectorStep.AnyIndex) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return PatternPrinter.print(this);
    }
}
