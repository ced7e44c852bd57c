package dev.cwfilter.definitions;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Documents;
import dev.cwfilter.deploy.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The metric filters in what {@code aws logs describe-metric-filters} prints ({@code --output json}, the default):
 * {@code {"metricFilters":[...], "nextToken":"..."}}, the whole output of one call or several pages one after the other
 * in one file. Each filter's fields are mapped by {@link MetricFilterFields}; a filter with an unknown field, a wrong
 * type, an invalid pattern or a value out of range is reported as a {@link DefinitionProblem} under its
 * {@code filterName}, and the others are read all the same.
 *
 * <p>Known fields (AWS-SHAPES §5.1): {@code filterName}, {@code filterPattern}, {@code metricTransformations}
 * ({@code metricName}, {@code metricNamespace}, {@code metricValue}, {@code defaultValue}, {@code dimensions},
 * {@code unit}), {@code creationTime}, {@code logGroupName}, {@code applyOnTransformedLogs},
 * {@code fieldSelectionCriteria}, {@code emitSystemFieldDimensions}; at the top, {@code metricFilters} and
 * {@code nextToken}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DescribeMetricFilters {

    static final Set<String> TOP = Set.of("metricFilters", "nextToken");
    static final Set<String> FILTER = Set.of("filterName", "filterPattern", "metricTransformations", "creationTime",
            "logGroupName", "applyOnTransformedLogs", "fieldSelectionCriteria", "emitSystemFieldDimensions");
    static final Set<String> TRANSFORMATION = Set.of("metricName", "metricNamespace", "metricValue", "defaultValue",
            "dimensions", "unit");

    private DescribeMetricFilters() {
    }

    /**
     * Reads a file of describe-metric-filters output.
     *
     * @throws DocumentException if the file cannot be read or is not such output
     */
    public static Definitions read(Path path, FilterOptions options) {
        return parse(Documents.readFile(path), path.toString(), options);
    }

    /**
     * Reads describe-metric-filters output from its text.
     *
     * @param name    the file's name, for messages
     * @param options how patterns are compiled
     * @throws DocumentException if the text is not such output
     */
    public static Definitions parse(String json, String name, FilterOptions options) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(options, "options");
        List<MetricFilterDefinition> filters = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        int position = 0;
        for (Node page : JsonPages.parseAll(json, name)) {
            if (!(page instanceof Node.Mapping top) || !(top.get("metricFilters") instanceof Node.Sequence list)) {
                throw new DocumentException(name, page.line(), "not the output of aws logs"
                        + " describe-metric-filters: expected an object with a metricFilters list", null);
            }
            try {
                NodeFields.onlyKnown(top, TOP, "the output");
            } catch (IllegalArgumentException e) {
                throw new DocumentException(name, top.line(), e.getMessage(), null);
            }
            for (Node item : list.items()) {
                position++;
                String filterName = NodeFields.nameOf(item, "filterName", position);
                try {
                    if (!(item instanceof Node.Mapping m)) {
                        throw new IllegalArgumentException("a metric filter is an object, not " + item.kind());
                    }
                    MetricFilterFields fields = fields(m);
                    filters.add(new MetricFilterDefinition(filterName, name, m.line(),
                            fields.toMetricFilter(options), Optional.ofNullable(fields.logGroupName())));
                } catch (IllegalArgumentException e) {
                    problems.add(new DefinitionProblem(DefinitionProblem.Kind.METRIC_FILTER, filterName, name,
                            item.line(), DefinitionProblem.reasonOf(e)));
                }
            }
        }
        return new Definitions(filters, List.of(), problems);
    }

    /** The API fields of one filter of the JSON, shapes checked. */
    static MetricFilterFields fields(Node.Mapping m) {
        NodeFields.onlyKnown(m, FILTER, "a metric filter");
        if (m.get("creationTime") != null) {
            NodeFields.number(m, "creationTime");
        }
        List<MetricFilterFields.MetricTransformationFields> transformations = new ArrayList<>();
        List<Node.Mapping> list = NodeFields.objects(m, "metricTransformations");
        if (list != null) {
            for (Node.Mapping t : list) {
                NodeFields.onlyKnown(t, TRANSFORMATION, "metricTransformations");
                transformations.add(new MetricFilterFields.MetricTransformationFields(
                        NodeFields.string(t, "metricName"), NodeFields.string(t, "metricNamespace"),
                        NodeFields.string(t, "metricValue"), NodeFields.number(t, "defaultValue"),
                        NodeFields.stringMap(t, "dimensions"), NodeFields.string(t, "unit")));
            }
        }
        return new MetricFilterFields(NodeFields.string(m, "filterName"), NodeFields.string(m, "filterPattern"),
                transformations, NodeFields.string(m, "logGroupName"), NodeFields.bool(m, "applyOnTransformedLogs"),
                NodeFields.string(m, "fieldSelectionCriteria"), NodeFields.strings(m, "emitSystemFieldDimensions"));
    }
}
