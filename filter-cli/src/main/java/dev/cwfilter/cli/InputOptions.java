package dev.cwfilter.cli;

import dev.cwfilter.cli.input.Input;
import dev.cwfilter.cli.input.InputFormat;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs of {@code filter} and {@code metrics}: files or standard input, and how to read them.
 *
 * <p>Not thread-safe: picocli fills one instance per command invocation.
 */
public final class InputOptions {

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Log files, plain or gzipped (detected by content, not name), or directories: every file "
                    + "under them, in path order (CloudTrail's AWSLogs/<account>/CloudTrail/<region>/yyyy/mm/dd/ "
                    + "layout reads in time order; CloudTrail-Digest directories and hidden files are left out), or "
                    + "s3://bucket/prefix for the CloudTrail log files under it (metrics and events). '-' or no input: "
                    + "standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--readers", paramLabel = "N",
            description = "How many inputs to read at once, each decompressed and split into events on its own "
                    + "thread; events are still taken in input order, so the output is the same whatever N. "
                    + "1: one input after the other. Default: the number of processors (${DEFAULT-VALUE}).")
    int readers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", converter = FormatConverter.class,
            description = "How the inputs hold events: auto (decide per input), lines (one event per line, text or "
                    + "JSON), export (a CloudWatch Logs export to S3: a timestamp and the message per line), "
                    + "cloudtrail ({\"Records\":[...]}), events (the JSON of aws logs filter-log-events / get-log-events). "
                    + "Default: ${DEFAULT-VALUE}.")
    InputFormat format;

    /** Converts {@code --format} names. */
    static final class FormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.fromCliName(value);
            } catch (IllegalArgumentException e) {
                // Printed as it is by picocli, without the exception's class name.
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * The inputs, in command-line order, a directory replaced by the files under it (none, for an empty directory);
     * standard input if no file was named.
     *
     * @throws UsageError if an input is an {@code s3://} URI, which only {@code metrics} and {@code events} read
     */
    public List<Input> inputs(InputStream stdin) {
        if (!s3Uris().isEmpty()) {
            throw new UsageError("cwfilter: " + s3Uris().get(0) + ": s3:// inputs are read by 'cwfilter metrics' and"
                    + " 'cwfilter events'");
        }
        return inputs(stdin, false);
    }

    /**
     * The file inputs, as {@link #inputs(InputStream)} gives them but leaving out {@code s3://} URIs; standard input
     * only if nothing was named and there are no {@code otherSources} (S3 URIs, a log group).
     */
    public List<Input> inputs(InputStream stdin, boolean otherSources) {
        if (readers < 1) {
            throw new UsageError("--readers " + readers + ": at least 1");
        }
        List<Input> inputs = new ArrayList<>();
        for (String file : files) {
            if (file.startsWith("s3://")) {
                continue;
            } else if (file.equals("-")) {
                inputs.add(Input.stream("-", stdin));
            } else {
                Input.fileOrDirectory(Path.of(file), inputs);
            }
        }
        if (files.isEmpty() && !otherSources) {
            inputs.add(Input.stream("-", stdin));
        }
        return inputs;
    }

    /** The {@code s3://bucket/prefix} inputs, in command-line order. */
    public List<String> s3Uris() {
        return files.stream().filter(f -> f.startsWith("s3://")).toList();
    }

    /** How many inputs to read at once. */
    public int readers() {
        return readers;
    }

    /** The chosen format. */
    public InputFormat format() {
        return format;
    }
}
