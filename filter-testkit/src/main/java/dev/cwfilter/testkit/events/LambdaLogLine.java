package dev.cwfilter.testkit.events;

import dev.cwfilter.testkit.internal.Times;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of an AWS Lambda function's log, as the Lambda runtime writes it to CloudWatch Logs: an application line
 * with text before the JSON,
 *
 * <pre>
 * 2026-11-21T12:00:00.000Z	3f1c2b9e-7d4a-4c1e-9a53-2f0d6b8e4a11	INFO	{"level":"INFO","message":"order placed"}
 * </pre>
 *
 * (timestamp, request id, level and message separated by tabs), or one of the platform's lines:
 * {@code START RequestId: ... Version: $LATEST}, {@code END RequestId: ...}, {@code REPORT RequestId: ... Duration:
 * 102.25 ms ...}, and the timeout line {@code ... Task timed out after 3.00 seconds}. A JSON pattern matches the
 * application line only with {@code FilterOptions.lenientJsonPrefix(true)} (uncertainty U4); terms match it as text.
 *
 * <p>Immutable and thread-safe: every setter returns a new line.
 */
public final class LambdaLogLine implements SampleEvent<LambdaLogLine> {

    /** What kind of line this is. */
    private enum Kind { APPLICATION, START, END, REPORT, TIMEOUT }

    private final Kind kind;
    private final Instant time;
    private final String requestId;
    private final String level;
    private final String message;
    private final double durationMillis;

    private LambdaLogLine(Kind kind, Instant time, String requestId, String level, String message,
                          double durationMillis) {
        this.kind = kind;
        this.time = time;
        this.requestId = requestId;
        this.level = level;
        this.message = message;
        this.durationMillis = durationMillis;
    }

    private static LambdaLogLine of(Kind kind, String level, String message) {
        return new LambdaLogLine(kind, Times.parse("12:00:00"), "3f1c2b9e-7d4a-4c1e-9a53-2f0d6b8e4a11", level,
                message, 102.25);
    }

    /** An application line whose message is this JSON text, logged at this level ({@code INFO}, {@code ERROR}). */
    public static LambdaLogLine json(String level, String json) {
        return of(Kind.APPLICATION, Objects.requireNonNull(level, "level"), Objects.requireNonNull(json, "json"));
    }

    /** An application line with a plain-text message. */
    public static LambdaLogLine text(String level, String text) {
        return of(Kind.APPLICATION, Objects.requireNonNull(level, "level"), Objects.requireNonNull(text, "text"));
    }

    /** {@code START RequestId: <id> Version: $LATEST}. */
    public static LambdaLogLine start() {
        return of(Kind.START, null, null);
    }

    /** {@code END RequestId: <id>}. */
    public static LambdaLogLine end() {
        return of(Kind.END, null, null);
    }

    /**
     * {@code REPORT RequestId: <id>	Duration: 102.25 ms	Billed Duration: 103 ms	Memory Size: 128 MB
     * Max Memory Used: 70 MB} (fields separated by tabs).
     */
    public static LambdaLogLine report() {
        return of(Kind.REPORT, null, null);
    }

    /** {@code <time> <id> Task timed out after 3.00 seconds}. */
    public static LambdaLogLine timeout() {
        return of(Kind.TIMEOUT, null, null).duration(3000);
    }

    /** The invocation's request id. */
    public LambdaLogLine requestId(String id) {
        return new LambdaLogLine(kind, time, Objects.requireNonNull(id, "id"), level, message, durationMillis);
    }

    /** The invocation's duration, for REPORT and timeout lines. */
    public LambdaLogLine duration(double millis) {
        return new LambdaLogLine(kind, time, requestId, level, message, millis);
    }

    @Override
    public LambdaLogLine at(String timeText) {
        return new LambdaLogLine(kind, Times.parse(Objects.requireNonNull(timeText, "time")), requestId, level,
                message, durationMillis);
    }

    @Override
    public Instant time() {
        return time;
    }

    /** The line, fields separated by tabs as the runtime writes them. */
    @Override
    public String build() {
        String stamp = Instant.ofEpochMilli(time.toEpochMilli()).toString();
        if (stamp.length() == 20) {
            stamp = stamp.substring(0, 19) + ".000Z";
        }
        switch (kind) {
            case START:
                return "START RequestId: " + requestId + " Version: $LATEST";
            case END:
                return "END RequestId: " + requestId;
            case REPORT:
                return "REPORT RequestId: " + requestId + "\tDuration: " + String.format(Locale.ROOT, "%.2f",
                        durationMillis) + " ms\tBilled Duration: " + (long) Math.ceil(durationMillis)
                        + " ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\t";
            case TIMEOUT:
                return stamp + " " + requestId + " Task timed out after " + String.format(Locale.ROOT, "%.2f",
                        durationMillis / 1000) + " seconds";
            default:
                return stamp + "\t" + requestId + "\t" + level + "\t" + message;
        }
    }

    /** The line; the same as {@link #build()}. */
    @Override
    public String toString() {
        return build();
    }
}
