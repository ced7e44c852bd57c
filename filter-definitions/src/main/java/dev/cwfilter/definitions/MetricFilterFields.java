package dev.cwfilter.definitions;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A metric filter as the CloudWatch Logs API describes it ({@code MetricFilter} of {@code DescribeMetricFilters}),
 * field for field with the API's names, and the one place where such a description becomes a cwfilter
 * {@link MetricFilter}: {@link DescribeMetricFilters} fills it from the AWS CLI's JSON; code holding the AWS SDK's
 * response fills it from the SDK's getters of the same names. Every rule of the conversion is in
 * {@link #toMetricFilter(FilterOptions)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param filterName                the filter's name, or null
 * @param filterPattern             the pattern as stored (AWS returns a blank pattern as {@code " "}); required
 * @param metricTransformations     the transformations: CloudWatch allows exactly one
 * @param logGroupName              the log group, or null
 * @param applyOnTransformedLogs    whether the filter reads a log transformer's output; null means false
 * @param fieldSelectionCriteria    the field selection criteria, or null
 * @param emitSystemFieldDimensions the system fields emitted as dimensions, or null/empty
 */
public record MetricFilterFields(String filterName, String filterPattern,
                                 List<MetricTransformationFields> metricTransformations, String logGroupName,
                                 Boolean applyOnTransformedLogs, String fieldSelectionCriteria,
                                 List<String> emitSystemFieldDimensions) {

    /**
     * A {@code MetricTransformation}, with the API's names.
     *
     * @param metricName      the metric's name; required
     * @param metricNamespace the metric's namespace; required
     * @param metricValue     what a match publishes ({@code "1"}, {@code "$.latency"}, {@code "$size"}); required
     * @param defaultValue    what an event that does not match publishes, or null
     * @param dimensions      dimension names to value selectors, or null/empty
     * @param unit            the unit's API name ({@code Count}, {@code Milliseconds}), or null
     */
    public record MetricTransformationFields(String metricName, String metricNamespace, String metricValue,
                                             Double defaultValue, Map<String, String> dimensions, String unit) {
    }

    /** Copies the lists. */
    public MetricFilterFields {
        metricTransformations = metricTransformations == null ? List.of() : List.copyOf(metricTransformations);
        emitSystemFieldDimensions = emitSystemFieldDimensions == null ? List.of()
                : List.copyOf(emitSystemFieldDimensions);
    }

    /**
     * The metric filter, validated as PutMetricFilter validates it.
     *
     * <ul>
     *   <li>{@code filterPattern} is required; a blank pattern, as AWS stores the empty one, matches every event.</li>
     *   <li>exactly one {@code metricTransformations} entry, with {@code metricName}, {@code metricNamespace} and
     *       {@code metricValue}; {@code defaultValue}, {@code dimensions} and {@code unit} as given.</li>
     *   <li>{@code applyOnTransformedLogs: true}, {@code fieldSelectionCriteria} and {@code emitSystemFieldDimensions}
     *       are rejected as unsupported: they need a log transformer's output or the service's system fields, which
     *       offline log events do not have.</li>
     * </ul>
     *
     * @param options how the pattern is compiled
     * @throws dev.cwfilter.FilterPatternException if the pattern is invalid
     * @throws IllegalArgumentException            naming what else is missing, out of range or unsupported
     */
    public MetricFilter toMetricFilter(FilterOptions options) {
        Objects.requireNonNull(options, "options");
        if (filterPattern == null) {
            throw new IllegalArgumentException("filterPattern is missing");
        }
        if (Boolean.TRUE.equals(applyOnTransformedLogs)) {
            throw new IllegalArgumentException("unsupported: applyOnTransformedLogs is true (the filter reads a log"
                    + " transformer's output, which cwfilter does not produce)");
        }
        if (fieldSelectionCriteria != null) {
            throw new IllegalArgumentException("unsupported: fieldSelectionCriteria (it selects by the service's"
                    + " system fields, which offline log events do not have)");
        }
        if (!emitSystemFieldDimensions.isEmpty()) {
            throw new IllegalArgumentException("unsupported: emitSystemFieldDimensions " + emitSystemFieldDimensions
                    + " (the service's system fields are not in offline log events)");
        }
        if (metricTransformations.size() != 1) {
            throw new IllegalArgumentException("metricTransformations must hold exactly one transformation, not "
                    + metricTransformations.size());
        }
        MetricTransformationFields t = metricTransformations.get(0);
        if (t == null) {
            throw new IllegalArgumentException("metricTransformations holds null");
        }
        if (t.metricName() == null || t.metricNamespace() == null || t.metricValue() == null) {
            throw new IllegalArgumentException("metricTransformations[0] needs metricName, metricNamespace and"
                    + " metricValue");
        }
        MetricFilter.Builder b = MetricFilter.builder().filterPattern(filterPattern).options(options)
                .metricName(t.metricName()).metricNamespace(t.metricNamespace()).metricValue(t.metricValue());
        if (filterName != null) {
            b.filterName(filterName);
        }
        if (t.defaultValue() != null) {
            b.defaultValue(t.defaultValue());
        }
        if (t.dimensions() != null) {
            b.dimensions(t.dimensions());
        }
        if (t.unit() != null) {
            b.unit(StandardUnit.fromAwsName(t.unit()));
        }
        return b.build();
    }
}
