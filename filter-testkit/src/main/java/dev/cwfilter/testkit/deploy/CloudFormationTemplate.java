package dev.cwfilter.testkit.deploy;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.testkit.FileFormatException;
import dev.cwfilter.testkit.internal.Documents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code AWS::Logs::MetricFilter} resources of a CloudFormation template (JSON or YAML), each as a testable
 * {@link MetricFilter}:
 *
 * <pre>{@code
 * CloudFormationTemplate template = CloudFormationTemplate.fromClasspath("monitoring.yaml");
 * assertThatMetricFilter(template.metricFilter("SecretAccessFilter")).publishes(1).forEvent(getSecretValue);
 * }</pre>
 *
 * <p>The reading is filter-definitions' {@link dev.cwfilter.definitions.CloudFormationTemplate} (which see for what is
 * read and how intrinsic functions resolve); a test wants every resource right, so here the first resource that cannot
 * be read is a {@link FileFormatException} naming the file, the line and the resource.
 *
 * <p>Immutable and thread-safe.
 */
public final class CloudFormationTemplate {

    private final dev.cwfilter.definitions.CloudFormationTemplate template;
    private final List<MetricFilterResource> metricFilters;

    private CloudFormationTemplate(dev.cwfilter.definitions.CloudFormationTemplate template) {
        // The testkit reads metric filters: the template's alarms are filter-definitions' business.
        template.problems().stream().filter(p -> p.kind() == dev.cwfilter.definitions.DefinitionProblem.Kind
                .METRIC_FILTER).findFirst().ifPresent(p -> {
            throw new FileFormatException(p.file(), p.line(), "resource " + p.name() + " ("
                    + dev.cwfilter.definitions.CloudFormationTemplate.resourceType() + "): " + p.reason(), null);
        });
        this.template = template;
        this.metricFilters = template.metricFilters().stream().map(MetricFilterResource::of).toList();
    }

    /**
     * Reads a template file; {@code .yaml}/{@code .yml} files as YAML, others as JSON.
     *
     * @throws FileFormatException if the template or one of its metric filters cannot be read
     */
    public static CloudFormationTemplate read(Path path) {
        return read(path, Map.of());
    }

    /**
     * Reads a template file with parameter values (which win over the parameters' defaults; pseudo parameters such
     * as {@code AWS::Region} may be passed too).
     *
     * @throws FileFormatException if the template or one of its metric filters cannot be read
     */
    public static CloudFormationTemplate read(Path path, Map<String, String> parameters) {
        try {
            return new CloudFormationTemplate(dev.cwfilter.definitions.CloudFormationTemplate.read(path, parameters));
        } catch (DocumentException e) {
            throw FileFormatException.of(e);
        }
    }

    /**
     * Reads a template from the classpath (relative to its root; see {@link #read(Path)}).
     *
     * @throws FileFormatException if there is no such resource or it cannot be read
     */
    public static CloudFormationTemplate fromClasspath(String resource) {
        return fromClasspath(resource, Map.of());
    }

    /** Reads a template from the classpath with parameter values. */
    public static CloudFormationTemplate fromClasspath(String resource, Map<String, String> parameters) {
        return parse(Documents.readResource(resource, CloudFormationTemplate.class), resource, parameters);
    }

    /**
     * Reads a template from text.
     *
     * @param name the file's name, for messages; a name ending in {@code .yaml} or {@code .yml} is read as YAML
     */
    public static CloudFormationTemplate parse(String text, String name, Map<String, String> parameters) {
        try {
            return new CloudFormationTemplate(dev.cwfilter.definitions.CloudFormationTemplate.parse(text, name,
                    parameters));
        } catch (DocumentException e) {
            throw FileFormatException.of(e);
        }
    }

    /** Every metric filter of the template, in the order they are written. */
    public List<MetricFilterResource> metricFilters() {
        return metricFilters;
    }

    /**
     * The metric filter with this logical id (or {@code FilterName}).
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public MetricFilterResource metricFilter(String logicalIdOrFilterName) {
        // The same object as in metricFilters(), as before the reading moved to filter-definitions.
        return metricFilters.get(template.metricFilters().indexOf(template.metricFilter(Objects.requireNonNull(logicalIdOrFilterName,
                "name"))));
    }
}
