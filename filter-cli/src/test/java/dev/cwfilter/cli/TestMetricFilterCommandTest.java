package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMetricFilterCommandTest {

    static final String[] S9 = {"test-metric-filter", "--filter-pattern", "ERROR", "--log-event-messages",
        "[ERROR] 400 BAD REQUEST", "[ERROR] 400 BAD REQUEST", "[INFO] 200 OK"};

    static String golden(String name) throws IOException {
        try (InputStream in = TestMetricFilterCommandTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theAwsCliExamplePrintsWhatTheAwsCliPrints() throws IOException {
        Run run = Run.of(S9);
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(golden("test-metric-filter-S9.json"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void firstEventNumberZeroNumbersAsTheApiReferenceDoes() {
        List<String> args = new ArrayList<>(List.of(S9));
        args.add("--first-event-number=0");
        Run run = Run.of(args.toArray(String[]::new));
        assertThat(run.out()).contains("\"eventNumber\": 0,").contains("\"eventNumber\": 1,")
                .doesNotContain("\"eventNumber\": 2,");
    }

    @Test
    void aSpaceDelimitedPatternShowsItsExtractedValuesInJsonAndText() {
        String message = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534";
        Run json = Run.of("test-metric-filter", "--filter-pattern", "[ip, user, ..., status_code = 2*, size]",
                "--log-event-messages", message);
        assertThat(json.out()).isEqualTo("{\n"
                + "    \"matches\": [\n"
                + "        {\n"
                + "            \"eventNumber\": 1,\n"
                + "            \"eventMessage\": \"127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \\\"GET "
                + "/apache_pb.gif HTTP/1.0\\\" 200 1534\",\n"
                + "            \"extractedValues\": {\n"
                + "                \"$ip\": \"127.0.0.1\",\n"
                + "                \"$user\": \"-\",\n"
                + "                \"$3\": \"frank\",\n"
                + "                \"$4\": \"10/Oct/2000:13:25:15 -0700\",\n"
                + "                \"$5\": \"GET /apache_pb.gif HTTP/1.0\",\n"
                + "                \"$status_code\": \"200\",\n"
                + "                \"$size\": \"1534\"\n"
                + "            }\n"
                + "        }\n"
                + "    ]\n"
                + "}\n");
        Run text = Run.of("test-metric-filter", "--filter-pattern", "[ip, user, ..., status_code = 2*, size]",
                "--log-event-messages", message, "--output", "text");
        // The AWS CLI's text format: scalars in sorted key order, after the upper-cased name of their container.
        assertThat(text.out()).isEqualTo("MATCHES\t" + message + "\t1\n"
                + "EXTRACTEDVALUES\tfrank\t10/Oct/2000:13:25:15 -0700\tGET /apache_pb.gif HTTP/1.0\t127.0.0.1\t1534"
                + "\t200\t-\n");
    }

    @Test
    void noMatchPrintsAnEmptyListAsTheAwsCliDoes() {
        Run run = Run.of("test-metric-filter", "--filter-pattern", "WARN", "--log-event-messages", "INFO ok");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("{\n    \"matches\": []\n}\n");
        assertThat(Run.of("test-metric-filter", "--filter-pattern", "WARN", "--log-event-messages", "INFO ok",
                "--output", "text").out()).isEmpty();
    }

    @Test
    void jsonOutputEscapesAsPythonDoesAndKeepsNonAscii() {
        Run run = Run.of("test-metric-filter", "--filter-pattern", "", "--log-event-messages",
                "tab\there \"q\" back\\slash é ✓ \u0001");
        assertThat(run.out()).contains("\"eventMessage\": \"tab\\there \\\"q\\\" back\\\\slash é ✓ \\u0001\"");
    }

    @Test
    void aSingleValueStartingWithABracketIsAJsonListAsInTheAwsCli() {
        Run list = Run.of("test-metric-filter", "--filter-pattern", "ERROR", "--log-event-messages",
                "[\"[ERROR] one\", \"[INFO] two\", \"[ERROR] three\"]");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("\"eventNumber\": 1,").contains("\"eventNumber\": 3,")
                .contains("\"eventMessage\": \"[ERROR] three\"");

        Run notJson = Run.of("test-metric-filter", "--filter-pattern", "ERROR", "--log-event-messages",
                "[ERROR] 400 BAD REQUEST");
        assertThat(notJson.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notJson.err()).contains("Error parsing parameter '--log-event-messages': Invalid JSON")
                .contains("'[\"[ERROR] 400\"]'");
    }

    @Test
    void aValueThatIsNotAStringIsReportedWhole() {
        Run object = Run.of("test-metric-filter", "--filter-pattern", "x", "--log-event-messages", "[{\"a\":1}]");
        assertThat(object.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(object.err()).isEqualTo("cwfilter: Parameter validation failed:\nInvalid type for parameter "
                + "logEventMessages[0], value: {\"a\":1}, valid types: <class 'str'>\n");
        Run second = Run.of("test-metric-filter", "--filter-pattern", "x", "--log-event-messages",
                "[\"ok\", [1, {\"b\": [2]}], \"never read\"]");
        assertThat(second.err()).contains("logEventMessages[1], value: [1, {\"b\": [2]}], valid types");
        Run number = Run.of("test-metric-filter", "--filter-pattern", "x", "--log-event-messages", "[\"a\", 42]");
        assertThat(number.err()).contains("logEventMessages[1], value: 42, valid types");
        Run pattern = Run.of("test-metric-filter", "--cli-input-json",
                "{\"filterPattern\": {\"p\": \"ERROR\"}, \"logEventMessages\": [\"a\"]}");
        assertThat(pattern.err()).contains("filterPattern, value: {\"p\": \"ERROR\"}, valid types");
    }

    @Test
    void theApiLimitsAreCheckedWithTheApisWords() {
        List<String> args = new ArrayList<>(List.of("test-metric-filter", "--filter-pattern", "x",
                "--log-event-messages"));
        for (int i = 0; i < 51; i++) {
            args.add("message " + i);
        }
        Run tooMany = Run.of(args.toArray(String[]::new));
        assertThat(tooMany.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooMany.err()).contains("Member must have length less than or equal to 50");

        Run fifty = Run.of(args.subList(0, args.size() - 1).toArray(String[]::new));
        assertThat(fifty.code()).isZero();

        Run empty = Run.of("test-metric-filter", "--filter-pattern", "x", "--log-event-messages", "a", "");
        assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("Invalid length for parameter logEventMessages[1], value: 0, valid min "
                + "length: 1");

        Run none = Run.of("test-metric-filter", "--filter-pattern", "x", "--cli-input-json",
                "{\"logEventMessages\": []}");
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("Invalid length for parameter logEventMessages, value: 0");
    }

    @Test
    void aBadPatternPrintsTheCaretMessageAndExits2() {
        Run run = Run.of("test-metric-filter", "--filter-pattern", "{ $.a = }", "--log-event-messages", "x");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Invalid filter pattern: expected a value after '=', found '}' (line 1, "
                + "column 9)\n{ $.a = }\n        ^\n");
    }

    @Test
    void requiredArgumentsAreNamed() {
        Run run = Run.of("test-metric-filter", "--log-event-messages", "x");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("the following arguments are required: --filter-pattern");
    }

    @Test
    void cliInputJsonIsReadInlineOrFromAFileAndFlagsTakePrecedence(@TempDir Path dir) throws IOException {
        String request = "{\"filterPattern\": \"ERROR\", \"logEventMessages\": [\"[ERROR] 400 BAD REQUEST\","
                + " \"[ERROR] 400 BAD REQUEST\", \"[INFO] 200 OK\"]}";
        assertThat(Run.of("test-metric-filter", "--cli-input-json", request).out())
                .isEqualTo(golden("test-metric-filter-S9.json"));
        Path file = Files.writeString(dir.resolve("request.json"), request);
        assertThat(Run.of("test-metric-filter", "--cli-input-json", "file://" + file).out())
                .isEqualTo(golden("test-metric-filter-S9.json"));
        Run overridden = Run.of("test-metric-filter", "--cli-input-json", request, "--filter-pattern", "INFO");
        assertThat(overridden.out()).contains("\"eventNumber\": 3,").doesNotContain("\"eventNumber\": 1,");

        Run unknown = Run.of("test-metric-filter", "--cli-input-json", "{\"pattern\": \"x\"}");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unknown parameter in input: \"pattern\"");
    }
}
