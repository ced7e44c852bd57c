package dev.cwfilter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import dev.cwfilter.TestMetricFilterResult;
import dev.cwfilter.cli.render.AwsCliOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cwfilter test-metric-filter}: the AWS CLI's {@code aws logs test-metric-filter}, offline, with the same
 * flags and the same output.
 *
 * <p>Not thread-safe: picocli creates one instance per command line and fills its options.
 */
@Command(name = "test-metric-filter", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Tests a filter pattern on up to 50 log event messages, as the TestMetricFilter API does, with the flags "
                    + "and the output of 'aws logs test-metric-filter': swap one for the other in scripts.",
            "Prints the matching messages with their event numbers (from 1, as the AWS CLI shows; "
                    + "--first-event-number 0 for the API reference's 0-based numbers) and the values a "
                    + "space-delimited pattern extracts.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, whether or not any message matched",
            "2:invalid pattern (shown with a caret under the problem), invalid parameters (0 or more than 50 "
                    + "messages, an empty message), invalid option"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cwfilter test-metric-filter --filter-pattern ERROR \\",
            "      --log-event-messages '[ERROR] 400 BAD REQUEST' '[ERROR] 400 BAD REQUEST' '[INFO] 200 OK'",
            "  cwfilter test-metric-filter --filter-pattern '[ip, user, ..., status = 4*, size]' \\",
            "      --log-event-messages '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /a.gif\" 404 1534'",
            "  cwfilter test-metric-filter --filter-pattern '{ $.level = \"error\" }' \\",
            "      --log-event-messages '{\"level\":\"error\"}' '{\"level\":\"info\"}'",
            "  cwfilter test-metric-filter --cli-input-json file://request.json --output text",
            "",
            "A single message that starts with '[' is read as a JSON list, as the AWS CLI reads it: write it as "
                    + "'[\"[ERROR] 400\"]'."})
public final class TestMetricFilterCommand implements Callable<Integer> {

    private static final JsonFactory JSON = new JsonFactory();

    @Spec
    private CommandSpec spec;

    @Option(names = "--filter-pattern", paramLabel = "PATTERN",
            description = "The filter pattern (0 to 1024 characters; empty matches every message).")
    private String filterPattern;

    @Option(names = "--log-event-messages", arity = "1..*", paramLabel = "MESSAGE",
            description = "The messages: 1 to 50, each at least one character, separated by spaces; or one JSON "
                    + "list of strings.")
    private List<String> logEventMessages;

    @Option(names = "--cli-input-json", paramLabel = "JSON",
            description = "The request as JSON, {\"filterPattern\": \"...\", \"logEventMessages\": [...]}, or "
                    + "file://path to a file holding it. Flags given too take precedence.")
    private String cliInputJson;

    @Option(names = "--output", paramLabel = "json|text", defaultValue = "json",
            description = "json (the AWS CLI's default) or text (its tab-separated format). Default: "
                    + "${DEFAULT-VALUE}.")
    private String output;

    @Option(names = "--first-event-number", paramLabel = "0|1", defaultValue = "1",
            description = "The number of the first message: 1 as the AWS CLI shows (default), 0 as the API "
                    + "reference's examples show (U3).")
    private int firstEventNumber;

    @Mixin
    private PatternOptions patternOptions;

    @Override
    public Integer call() throws IOException {
        if (!output.equals("json") && !output.equals("text")) {
            throw new UsageError("cwfilter: --output '" + output + "': expected json or text");
        }
        if (firstEventNumber != 0 && firstEventNumber != 1) {
            throw new UsageError("cwfilter: --first-event-number is 0 or 1, not " + firstEventNumber);
        }
        String pattern = filterPattern;
        List<String> messages = logEventMessages == null ? null : messagesFromCommandLine(logEventMessages);
        if (cliInputJson != null) {
            Request request = readCliInputJson(cliInputJson);
            pattern = pattern != null ? pattern : request.filterPattern;
            messages = messages != null ? messages : request.logEventMessages;
        }
        List<String> missing = new ArrayList<>();
        if (pattern == null) {
            missing.add("--filter-pattern");
        }
        if (messages == null) {
            missing.add("--log-event-messages");
        }
        if (!missing.isEmpty()) {
            throw new UsageError("cwfilter test-metric-filter: the following arguments are required: "
                    + String.join(", ", missing));
        }
        validate(pattern, messages);
        MetricFilter filter;
        try {
            filter = MetricFilter.builder().filterPattern(pattern)
                    .options(patternOptions.toBuilder().firstEventNumber(firstEventNumber).build()).build();
        } catch (FilterPatternException e) {
            throw new UsageError(e.getMessage(), e);
        }
        PatternWarnings.print(spec.commandLine().getErr(), pattern, filter.options());
        TestMetricFilterResult result = filter.test(messages);
        Map<String, Object> response = new LinkedHashMap<>();
        List<Object> matches = new ArrayList<>();
        for (MetricFilterMatchRecord record : result.matches()) {
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("eventNumber", record.eventNumber());
            match.put("eventMessage", record.eventMessage());
            match.put("extractedValues", record.extractedValues());
            matches.add(match);
        }
        response.put("matches", matches);
        spec.commandLine().getOut().print(output.equals("json") ? AwsCliOutput.json(response)
                : AwsCliOutput.text(response));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * The AWS CLI reads a single value that starts with {@code [} as a JSON list, and every other value as one
     * message; so does this command, so that the same command line means the same request.
     */
    private static List<String> messagesFromCommandLine(List<String> values) {
        if (values.size() == 1 && values.get(0).strip().startsWith("[")) {
            try (JsonParser p = JSON.createParser(values.get(0))) {
                List<String> list = stringList(p, values.get(0), "logEventMessages");
                if (p.nextToken() != null) {
                    throw new IOException("extra data after the list");
                }
                return list;
            } catch (IOException e) {
                throw new UsageError("cwfilter: Error parsing parameter '--log-event-messages': Invalid JSON: "
                        + firstLine(e.getMessage()) + "\nJSON received: " + values.get(0)
                        + "\n(A single message that starts with '[' is read as a JSON list, as the AWS CLI reads it;"
                        + " write it as '[\"[ERROR] 400\"]'.)");
            }
        }
        return values;
    }

    /** Reads a JSON list of strings from {@code p}, a parser over {@code json}. */
    private static List<String> stringList(JsonParser p, String json, String name) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException("expected a list of strings");
        }
        List<String> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                throw new UsageError("cwfilter: Parameter validation failed:\nInvalid type for parameter " + name + "["
                        + list.size() + "], value: " + valueText(p, json) + ", valid types: <class 'str'>");
            }
            list.add(p.getText());
        }
        return list;
    }

    /**
     * The whole value at the parser's current token as written in {@code json}: {@code {"a":1}} for an object (whose
     * first token alone would be "{"), the number or literal otherwise. Moves the parser past the value.
     */
    private static String valueText(JsonParser p, String json) throws IOException {
        int from = (int) p.currentTokenLocation().getCharOffset();
        if (!p.currentToken().isStructStart()) {
            return p.getText();
        }
        p.skipChildren();
        int to = (int) p.currentLocation().getCharOffset();
        return from >= 0 && to <= json.length() && from < to ? json.substring(from, to) : p.getText();
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    /** The request read from {@code --cli-input-json}. */
    private static final class Request {
        String filterPattern;
        List<String> logEventMessages;
    }

    private static Request readCliInputJson(String value) {
        String json = value;
        if (value.startsWith("file://")) {
            Path path = Path.of(value.substring("file://".length()));
            try {
                json = Files.readString(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UsageError("cwfilter: Error parsing parameter 'cli-input-json': Unable to load paramfile "
                        + value + ": no such file");
            } catch (IOException e) {
                throw new UsageError("cwfilter: Error parsing parameter 'cli-input-json': Unable to load paramfile "
                        + value + ": " + e.getMessage());
            }
        }
        Request request = new Request();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (name.equals("filterPattern")) {
                    if (p.nextToken() != JsonToken.VALUE_STRING) {
                        throw new UsageError("cwfilter: Parameter validation failed:\nInvalid type for parameter "
                                + "filterPattern, value: " + valueText(p, json) + ", valid types: <class 'str'>");
                    }
                    request.filterPattern = p.getText();
                } else if (name.equals("logEventMessages")) {
                    request.logEventMessages = stringList(p, json, "logEventMessages");
                } else {
                    throw new UsageError("cwfilter: Parameter validation failed:\nUnknown parameter in input: \""
                            + name + "\", must be one of: filterPattern, logEventMessages");
                }
            }
        } catch (IOException e) {
            throw new UsageError("cwfilter: Error parsing parameter 'cli-input-json': Invalid JSON received: "
                    + firstLine(e.getMessage()));
        }
        return request;
    }

    /** The checks the AWS CLI and the API make before anything is matched, in their words. */
    private static void validate(String pattern, List<String> messages) {
        List<String> problems = new ArrayList<>();
        if (pattern.length() > 1024) {
            problems.add("Invalid length for parameter filterPattern, value: " + pattern.length()
                    + ", valid max length: 1024");
        }
        if (messages.isEmpty()) {
            problems.add("Invalid length for parameter logEventMessages, value: 0, valid min length: 1");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).isEmpty()) {
                problems.add("Invalid length for parameter logEventMessages[" + i + "], value: 0, valid min length:"
                        + " 1");
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageError("cwfilter: Parameter validation failed:\n" + String.join("\n", problems));
        }
        if (messages.size() > MetricFilter.MAX_TEST_MESSAGES) {
            throw new UsageError("cwfilter: An error occurred (InvalidParameterException) when calling the "
                    + "TestMetricFilter operation: 1 validation error detected: Value at 'logEventMessages' failed "
                    + "to satisfy constraint: Member must have length less than or equal to "
                    + MetricFilter.MAX_TEST_MESSAGES + " (" + messages.size() + " messages given)");
        }
    }
}
