package dev.cwfilter.cli.input;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an input holds its events; {@link #AUTO} looks at the start of each input to decide.
 *
 * <p>Immutable and thread-safe.
 */
public enum InputFormat {
    /** Decide per input: gzip by its magic bytes, then JSON document, CloudWatch Logs export, or lines. */
    AUTO,
    /** One event per line, plain text or JSON. */
    LINES,
    /** A CloudWatch Logs export: {@code 2026-11-21T12:00:00.000Z message} per event. */
    EXPORT,
    /** CloudTrail log files as written to S3: {@code {"Records":[...]}}. */
    CLOUDTRAIL,
    /** What {@code aws logs filter-log-events} and {@code get-log-events} print: {@code {"events":[...]}}. */
    EVENTS;

    /** The name on the command line, the constant's in lower case, such as {@code cloudtrail}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format with this command-line name.
     *
     * @throws IllegalArgumentException naming the formats there are
     */
    public static InputFormat fromCliName(String name) {
        for (InputFormat f : values()) {
            if (f.cliName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input format '" + name + "': expected one of "
                + Arrays.stream(values()).map(InputFormat::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName();
    }
}
