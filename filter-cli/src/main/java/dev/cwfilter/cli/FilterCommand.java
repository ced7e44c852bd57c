package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.cli.input.BadEvents;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.Input;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cwfilter filter}: the events of files or standard input that match a pattern, like FilterLogEvents.
 *
 * <p>Not thread-safe: picocli creates one instance per command line and fills its options.
 */
@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the events that match a filter pattern, as FilterLogEvents would, from log files or standard "
                    + "input, in input order.",
            "Inputs: one event per line (text or JSON), CloudTrail log files as CloudTrail writes them to S3 "
                    + "({\"Records\":[...]}, each record one event), CloudWatch Logs exports "
                    + "('2026-11-21T12:00:00.000Z message'), and the JSON of aws logs filter-log-events; gzipped or "
                    + "not. Events larger than 1 MiB, malformed records and invalid UTF-8 are counted and reported "
                    + "on standard error at the end, never fatal.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, whether or not any event matched (as FilterLogEvents; use --count to test for matches)",
            "1:an input could not be opened or read (it is named; the other inputs were still read)",
            "2:invalid pattern (shown with a caret under the problem) or invalid option"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cwfilter filter -p '{ $.eventName = \"GetSecretValue\" }' cloudtrail/*.json.gz",
            "  cwfilter filter -p 'ERROR -ARGUMENTS' app.log",
            "  cwfilter filter -p '[ip, user, ..., status = 5*, size]' --count access.log",
            "  aws logs filter-log-events --log-group-name app > events.json",
            "  cwfilter filter -p '{ $.level = \"error\" }' --output json events.json",
            "  zcat export/*/000000.gz | cwfilter filter -p Exception \\",
            "      --start-time 2026-11-21T12:00:00Z --end-time 2026-11-21T13:00Z"})
public final class FilterCommand implements Callable<Integer> {

    @ParentCommand
    private CwfilterCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--pattern", "--filter-pattern"}, paramLabel = "PATTERN", defaultValue = "",
            description = "The filter pattern. Default: empty, which matches every event (as FilterLogEvents "
                    + "without a pattern).")
    private String pattern;

    @Option(names = {"-c", "--count"}, description = "Print only the number of events selected.")
    private boolean count;

    @Option(names = {"-v", "--invert"}, description = "Select the events that do not match.")
    private boolean invert;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            converter = OutputConverter.class,
            description = "text: each message on its own line. json: one JSON object per line with timestamp "
                    + "(epoch milliseconds, null if the input has none), message, file and line. "
                    + "Default: ${DEFAULT-VALUE}.")
    private FilterPipeline.Output output;

    @Option(names = "--start-time", paramLabel = "TIME",
            description = "Only events at or after this time: epoch milliseconds or ISO-8601 "
                    + "(2026-11-21T12:00:00Z; UTC if no offset). Events without a timestamp are then left out "
                    + "and counted.")
    private String startTime;

    @Option(names = "--end-time", paramLabel = "TIME",
            description = "Only events at or before this time (inclusive, as FilterLogEvents' endTime).")
    private String endTime;

    @Mixin
    private InputOptions inputs;

    @Mixin
    private PatternOptions patternOptions;

    /** Converts {@code --output} names. */
    static final class OutputConverter extends TextOrJson<FilterPipeline.Output> {
        OutputConverter() {
            super(FilterPipeline.Output.TEXT, FilterPipeline.Output.JSON);
        }
    }

    @Override
    public Integer call() throws IOException {
        FilterOptions options = patternOptions.toBuilder().build();
        FilterPattern compiled = compile(pattern, options);
        PatternWarnings.print(spec.commandLine().getErr(), pattern, options);
        long start = startTime == null ? Long.MIN_VALUE : CliTime.parse("--start-time", startTime);
        long end = endTime == null ? Long.MAX_VALUE : CliTime.parse("--end-time", endTime);
        if (start > end) {
            throw new UsageError("--start-time is after --end-time: no event can be selected");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment env = parent.environment();
        List<Input> in = inputs.inputs(env.stdin());
        EventSource source = new EventSource(in, inputs.format(), options.maxEventBytes(),
                env.progress(err, EventSource.totalSize(in)), inputs.readers());
        FilterPipeline pipeline = new FilterPipeline(compiled, invert, count ? FilterPipeline.Output.COUNT : output,
                start, end, out, source.badEvents());
        // The pattern is matched on the reader threads; only the selected events come back, in order, to be printed.
        source.forEach(pipeline.selector(), pipeline.selectedSink());
        pipeline.finish();
        if (count) {
            out.println(pipeline.selected());
            out.flush();
        }
        return Reports.print(err, source, options.maxEventBytes(), "left out by --start-time/--end-time");
    }

    /** Compiles a pattern; an invalid one is a usage error whose message has the caret under the problem. */
    static FilterPattern compile(String pattern, FilterOptions options) {
        try {
            return FilterPattern.compile(pattern, options);
        } catch (FilterPatternException e) {
            throw new UsageError(e.getMessage(), e);
        }
    }
}
