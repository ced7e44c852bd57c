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
            description = "Log files, plain or gzipped (detected by content, not name), or s3://bucket/prefix for "
                    + "the CloudTrail log files under it (metrics only). '-' or no input: standard input.")
    List<String> files = new ArrayList<>();

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
            return InputFormat.fromCliName(value);
        }
    }

    /**
     * The inputs, in command-line order; standard input if none was named.
     *
     * @throws UsageError if an input is an {@code s3://} URI, which only {@code metrics} reads
     */
    public List<Input> inputs(InputStream stdin) {
        if (!s3Uris().isEmpty()) {
            throw new UsageError("cwfilter: " + s3Uris().get(0) + ": s3:// inputs are read by 'cwfilter metrics'");
        }
        return inputs(stdin, false);
    }

    /**
     * The file inputs, in command-line order, leaving out {@code s3://} URIs; standard input if nothing was named and
     * there are no {@code otherSources} (S3 URIs, a log group).
     */
    public List<Input> inputs(InputStream stdin, boolean otherSources) {
        List<Input> inputs = new ArrayList<>();
        for (String file : files) {
            if (file.startsWith("s3://")) {
                continue;
            }
            inputs.add(file.equals("-") ? Input.stream("-", stdin) : Input.file(Path.of(file)));
        }
        if (inputs.isEmpty() && !otherSources && s3Uris().isEmpty()) {
            inputs.add(Input.stream("-", stdin));
        }
        return inputs;
    }

    /** The {@code s3://bucket/prefix} inputs, in command-line order. */
    public List<String> s3Uris() {
        return files.stream().filter(f -> f.startsWith("s3://")).toList();
    }

    /** The chosen format. */
    public InputFormat format() {
        return format;
    }
}
