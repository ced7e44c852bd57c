package dev.cwfilter.definitions;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Documents;
import dev.cwfilter.deploy.Node;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a definitions file of any kind cwfilter knows, telling the kind from the content:
 * <ul>
 *   <li>{@code {"metricFilters":[...]}}: {@code aws logs describe-metric-filters} output ({@link DescribeMetricFilters});</li>
 *   <li>{@code {"MetricAlarms":[...]}} or {@code {"CompositeAlarms":[...]}}: {@code aws cloudwatch describe-alarms}
 *       output ({@link DescribeAlarms});</li>
 *   <li>{@code {"Resources":{...}}}, or any {@code .yaml}/{@code .yml} file: a CloudFormation template
 *       ({@link CloudFormationTemplate}, parameters at their defaults);</li>
 *   <li>{@code {"planned_values":...}} or {@code {"values":...}}: a Terraform plan or state in JSON
 *       ({@link TerraformPlan}).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class DefinitionFiles {

    private DefinitionFiles() {
    }

    /**
     * The definitions in a file.
     *
     * @param options how the patterns of describe-metric-filters output are compiled
     * @throws DocumentException if the file cannot be read, or is of no kind cwfilter knows
     * @throws java.io.UncheckedIOException if the file cannot be read from disk
     */
    public static Definitions read(Path path, FilterOptions options) {
        Objects.requireNonNull(options, "options");
        String name = path.toString();
        String text = Documents.readFile(path);
        return parse(text, name, options);
    }

    /**
     * The definitions in a text.
     *
     * @param name the file's name, for messages; a name ending in {@code .yaml} or {@code .yml} is a template in YAML
     * @throws DocumentException if the text is of no kind cwfilter knows
     */
    public static Definitions parse(String text, String name, FilterOptions options) {
        if (Documents.isYaml(name)) {
            return CloudFormationTemplate.parse(text, name, Map.of()).definitions();
        }
        Node first = JsonPages.parseAll(text, name).get(0);
        if (first instanceof Node.Mapping m) {
            if (m.get("metricFilters") != null) {
                return DescribeMetricFilters.parse(text, name, options);
            }
            if (m.get("MetricAlarms") != null || m.get("CompositeAlarms") != null) {
                return DescribeAlarms.parse(text, name);
            }
            if (m.get("Resources") != null) {
                return CloudFormationTemplate.parse(text, name, Map.of()).definitions();
            }
            if (m.get("planned_values") != null || m.get("values") != null) {
                return TerraformPlan.parse(text, name).definitions();
            }
        }
        throw new DocumentException(name, first.line(), "not a definitions file cwfilter reads: expected the"
                + " JSON of aws logs describe-metric-filters ({\"metricFilters\":...}) or aws cloudwatch describe-alarms"
                + " ({\"MetricAlarms\":...}), a CloudFormation template ({\"Resources\":...}) or a Terraform plan"
                + " (terraform show -json)", null);
    }
}
