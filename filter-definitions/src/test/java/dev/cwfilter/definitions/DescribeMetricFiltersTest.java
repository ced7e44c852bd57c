package dev.cwfilter.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeMetricFiltersTest {

    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(DescribeMetricFiltersTest.class.getResource("/aws/" + name).toURI());
    }

    static Definitions parse(String json) {
        return DescribeMetricFilters.parse(json, "filters.json", FilterOptions.defaults());
    }

    static String filter(String name, String pattern, String extra) {
        return "{\"filterName\":\"" + name + "\",\"filterPattern\":" + pattern + ",\"metricTransformations\":"
                + "[{\"metricName\":\"M\",\"metricNamespace\":\"N\",\"metricValue\":\"1\"" + extra + "}],"
                + "\"creationTime\":1713432753126,\"logGroupName\":\"g\",\"applyOnTransformedLogs\":false}";
    }

    @Test
    void theAwsShapesExampleCombinesDimensionsWithADefaultValueWhichPutMetricFilterRejects() throws Exception {
        // AWS-SHAPES 5.1's example sets both; SEMANTICS (DOC S5/S11) says CloudWatch does not allow both. The rule
        // wins: the filter is reported by name, as PutMetricFilter would refuse it.
        Definitions d = DescribeMetricFilters.read(resource("describe-metric-filters.json"), FilterOptions.defaults());
        assertThat(d.metricFilters()).isEmpty();
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("DemoFilter");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).isEqualTo("a metric filter with dimensions cannot have a default value"
                    + " (CloudWatch does not allow both)");
        });
    }

    @Test
    void theAwsCliExampleIsReadFieldByField() throws Exception {
        String text = Files.readString(resource("describe-metric-filters.json"));
        Definitions d = parse(text.replace("\"defaultValue\": 0.0,", ""));
        assertThat(d.problems()).isEmpty();
        assertThat(d.alarms()).isEmpty();
        MetricFilterDefinition def = d.metricFilters().get(0);
        assertThat(def.name()).isEqualTo("DemoFilter");
        assertThat(def.line()).isEqualTo(3);
        assertThat(def.logGroupName()).contains("demo-log-group");
        MetricFilter f = def.filter();
        assertThat(f.filterName()).contains("DemoFilter");
        assertThat(f.pattern().source()).isEqualTo("{ $.eventType = \"error\" }");
        assertThat(f.metricName()).contains("Demo_Error");
        assertThat(f.metricNamespace()).contains("DemoNamespace");
        assertThat(f.metricValue()).isEqualTo("1");
        assertThat(f.defaultValue()).isEmpty();
        assertThat(f.dimensions()).isEqualTo(Map.of("Service", "$.service"));
        assertThat(f.unit()).isEqualTo(StandardUnit.COUNT);
        assertThat(d.metricFiltersByLogGroup()).containsOnlyKeys(Optional.of("demo-log-group"));
        MetricFilter withDefault = parse(text.replace("\"dimensions\": {\"Service\": \"$.service\"},", ""))
                .metricFilters().get(0).filter();
        assertThat(withDefault.defaultValue()).hasValue(0.0);
        assertThat(withDefault.dimensions()).isEmpty();
    }

    @Test
    void optionalFieldsMayBeAbsentAndABlankPatternMatchesEverything() {
        Definitions d = parse("{\"metricFilters\":[{\"filterName\":\"all\",\"filterPattern\":\" \","
                + "\"metricTransformations\":[{\"metricName\":\"M\",\"metricNamespace\":\"N\",\"metricValue\":\"2\"}]}]}");
        assertThat(d.problems()).isEmpty();
        MetricFilterDefinition def = d.metricFilters().get(0);
        assertThat(def.logGroupName()).isEmpty();
        assertThat(def.filter().defaultValue()).isEmpty();
        assertThat(def.filter().dimensions()).isEmpty();
        assertThat(def.filter().unit()).isEqualTo(StandardUnit.NONE);
        assertThat(def.filter().datapointFor(new LogEvent(0, "anything")).orElseThrow().value()).isEqualTo(2.0);
        assertThat(d.metricFiltersByLogGroup()).containsOnlyKeys(Optional.empty());
    }

    @Test
    void pagesOneAfterTheOtherWithOrWithoutNextTokenAreOneOutput() {
        Definitions d = parse("{\"metricFilters\":[" + filter("a", "\"ERROR\"", "") + "],\"nextToken\":\"abc\"}\n"
                + "{\"metricFilters\":[" + filter("b", "\"WARN\"", "") + "," + filter("c", "\"INFO\"", "") + "]}\n");
        assertThat(d.metricFilters()).extracting(MetricFilterDefinition::name).containsExactly("a", "b", "c");
        assertThat(parse("{\"metricFilters\":[]}").metricFilters()).isEmpty();
    }

    @Test
    void everyBadFilterIsReportedByNameAndNeverStopsTheOthers() {
        Definitions d = parse("{\"metricFilters\":["
                + filter("ok1", "\"ERROR\"", "") + ",\n"
                + filter("bad-pattern", "\"{ $.eventName = }\"", "") + ",\n"
                + filter("unknown-field", "\"ERROR\"", ",\"metricUnit\":\"Count\"") + ",\n"
                + filter("bad-unit", "\"ERROR\"", ",\"unit\":\"Parsecs\"") + ",\n"
                + filter("dims-and-default", "\"{ $.a = 1 }\"", ",\"defaultValue\":0,\"dimensions\":{\"A\":\"$.a\"}")
                + ",\n"
                + filter("wrong-type", "42", "") + ",\n"
                + "{\"filterName\":\"transformed\",\"filterPattern\":\"x\",\"applyOnTransformedLogs\":true,"
                + "\"metricTransformations\":[{\"metricName\":\"M\",\"metricNamespace\":\"N\",\"metricValue\":\"1\"}]},\n"
                + "{\"filterPattern\":\"x\",\"metricTransformations\":[]},\n"
                + filter("ok2", "\"WARN\"", "") + "]}");
        assertThat(d.metricFilters()).extracting(MetricFilterDefinition::name).containsExactly("ok1", "ok2");
        assertThat(d.problems()).extracting(DefinitionProblem::name).containsExactly("bad-pattern", "unknown-field",
                "bad-unit", "dims-and-default", "wrong-type", "transformed", "#8");
        assertThat(d.problems()).extracting(DefinitionProblem::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(d.problems().get(0).reason()).isEqualTo("the filter pattern is invalid: expected a value after"
                + " '=', found '}' (line 1, column 17)\n{ $.eventName = }\n                ^");
        assertThat(d.problems().get(0).describe()).startsWith("metric filter 'bad-pattern' (filters.json line 2): the"
                + " filter pattern is invalid");
        assertThat(d.problems().get(1).reason()).startsWith("unknown field metricUnit in metricTransformations");
        assertThat(d.problems().get(2).reason()).contains("Parsecs");
        assertThat(d.problems().get(3).reason()).contains("cannot have a default value");
        assertThat(d.problems().get(4).reason()).isEqualTo("filterPattern must be a string, not a number");
        assertThat(d.problems().get(5).reason()).startsWith("unsupported: applyOnTransformedLogs is true");
        assertThat(d.problems().get(6).reason()).isEqualTo("metricTransformations must hold exactly one"
                + " transformation, not 0");
        assertThat(d.problems()).allMatch(p -> p.kind() == DefinitionProblem.Kind.METRIC_FILTER
                && p.file().equals("filters.json"));
    }

    @Test
    void aFileThatIsNotSuchOutputIsAnErrorNamingIt() throws IOException {
        assertThatThrownBy(() -> parse("{\"MetricAlarms\":[]}")).isInstanceOf(DocumentException.class)
                .hasMessage("filters.json line 1: not the output of aws logs describe-metric-filters: expected an"
                        + " object with a metricFilters list");
        assertThatThrownBy(() -> parse("{\"metricFilters\":[], \"extra\":1}"))
                .hasMessageStartingWith("filters.json line 1: unknown field extra in the output");
        assertThatThrownBy(() -> parse("{\"metricFilters\": [")).hasMessageStartingWith("filters.json line 1: not"
                + " well-formed JSON");
        assertThatThrownBy(() -> parse("  ")).hasMessage("filters.json: the file is empty");
        Path file = Files.writeString(dir.resolve("f.json"), "{\"metricFilters\":[" + filter("a", "\"x\"", "")
                + "]}");
        assertThat(DescribeMetricFilters.read(file, FilterOptions.defaults()).metricFilters().get(0).file())
                .isEqualTo(file.toString());
    }

    @Test
    void theFieldsRecordIsTheMappingAnSdkResponseUsesToo() {
        MetricFilterFields fields = new MetricFilterFields("f", "{ $.latency > 100 }",
                List.of(new MetricFilterFields.MetricTransformationFields("Latency", "App", "$.latency", null,
                        Map.of("Service", "$.service"), "Milliseconds")), "app-logs", false, null, null);
        MetricFilter f = fields.toMetricFilter(FilterOptions.defaults());
        assertThat(f.unit()).isEqualTo(StandardUnit.MILLISECONDS);
        assertThat(f.datapointFor(new LogEvent(0, "{\"latency\":250,\"service\":\"api\"}")).orElseThrow()
                .dimensions()).isEqualTo(Map.of("Service", "api"));
        assertThatThrownBy(() -> new MetricFilterFields("f", "x", List.of(), null, null, "criteria", null)
                .toMetricFilter(FilterOptions.defaults())).hasMessageStartingWith("unsupported: fieldSelectionCriteria");
        assertThatThrownBy(() -> new MetricFilterFields("f", null, List.of(), null, null, null, null)
                .toMetricFilter(FilterOptions.defaults())).hasMessage("filterPattern is missing");
    }
}
