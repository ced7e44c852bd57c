package dev.cwfilter.cli.input;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The events an input could not deliver as they are, counted by kind with the first example of each, for the report
 * a command prints on standard error at the end. Bad events are never fatal. Not thread-safe.
 */
public final class BadEvents {

    /** What was wrong with an event. */
    public enum Kind {
        /** Larger than the largest event CloudWatch accepts: skipped. */
        OVERSIZED,
        /** Not an event at all (malformed JSON, a record that is not an object, an event without a message): skipped. */
        MALFORMED,
        /** Not valid UTF-8: evaluated as decoded, with U+FFFD for each bad sequence, and counted. */
        INVALID_UTF8,
        /** Without a timestamp where the command needs one: left out by the command. */
        NO_TIMESTAMP
    }

    private record Example(String source, String position, String detail) {
        String where() {
            return source + ", " + position + (detail == null ? "" : ": " + detail);
        }
    }

    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    private final Map<Kind, Example> first = new EnumMap<>(Kind.class);

    /** Counts one bad event at a line; {@code detail} says what was wrong, or is null. */
    public void add(Kind kind, String source, long line, String detail) {
        add(kind, source, "line " + line, detail);
    }

    /**
     * Counts one bad event; {@code position} says where it is ({@code line 12}, {@code record 57}, see
     * {@link Event#position()}), {@code detail} what was wrong, or is null.
     */
    public void add(Kind kind, String source, String position, String detail) {
        counts.merge(kind, 1L, Long::sum);
        first.putIfAbsent(kind, new Example(source, position, detail));
    }

    /**
     * Adds the counts of another input's bad events, read after the ones here: the first example of each kind stays
     * the first in input order.
     */
    public void addAll(BadEvents later) {
        later.counts.forEach((kind, n) -> counts.merge(kind, n, Long::sum));
        later.first.forEach(first::putIfAbsent);
    }

    /** How many events of this kind were seen. */
    public long count(Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** Whether there is anything to report. */
    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /**
     * The report, one line per kind, each starting with {@code cwfilter:}.
     *
     * @param maxEventBytes   the size limit, for the wording of oversized events
     * @param noTimestampWhat what the command did with events without a timestamp, such as "left out by --start-time"
     */
    public List<String> report(int maxEventBytes, String noTimestampWhat) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Kind, Long> entry : counts.entrySet()) {
            long n = entry.getValue();
            String where = first.get(entry.getKey()).where();
            String firstOf = n == 1 ? "" : "the first: ";
            switch (entry.getKey()) {
                case OVERSIZED:
                    lines.add("cwfilter: " + events(n) + " larger than " + size(maxEventBytes) + " skipped ("
                            + firstOf + where + ")");
                    break;
                case MALFORMED:
                    lines.add("cwfilter: " + n + " malformed " + (n == 1 ? "event" : "events") + " skipped ("
                            + firstOf + where + ")");
                    break;
                case INVALID_UTF8:
                    lines.add("cwfilter: " + events(n) + " not valid UTF-8, matched as decoded with U+FFFD for each"
                            + " bad sequence (" + firstOf + where + ")");
                    break;
                case NO_TIMESTAMP:
                    lines.add("cwfilter: " + events(n) + " without a timestamp " + noTimestampWhat + " ("
                            + firstOf + where + ")");
                    break;
                default:
                    throw new IllegalStateException(entry.getKey().toString());
            }
        }
        return lines;
    }

    private static String events(long n) {
        return n + (n == 1 ? " event" : " events");
    }

    private static String size(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
