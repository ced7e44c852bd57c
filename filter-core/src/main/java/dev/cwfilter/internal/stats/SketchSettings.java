package dev.cwfilter.internal.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;

/**
 * How one aggregator stores the values of a bucket: exactly up to {@code exactValueLimit} values, then in a DDSketch
 * with the given relative accuracy and at most {@code maxSketchBins} bins. One mapping instance is shared by every
 * sketch of an aggregator, which is what lets their buckets merge. Immutable and thread-safe.
 */
public record SketchSettings(int exactValueLimit, double relativeAccuracy, int maxSketchBins, IndexMapping mapping) {

    public static SketchSettings of(int exactValueLimit, double relativeAccuracy, int maxSketchBins) {
        return new SketchSettings(exactValueLimit, relativeAccuracy, maxSketchBins,
                new LogarithmicMapping(relativeAccuracy));
    }

    public DDSketch newSketch() {
        // Only non-negative values reach a sketch, so the negative store never grows past its empty array.
        return new DDSketch(mapping, this::newStore);
    }

    public CollapsingLowestDenseStore newStore() {
        return new CollapsingLowestDenseStore(maxSketchBins);
    }
}
