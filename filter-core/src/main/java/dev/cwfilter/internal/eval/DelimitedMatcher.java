package dev.cwfilter.internal.eval;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A space-delimited pattern (SEMANTICS.md section 5). The event is split into fields at runs of whitespace (space,
 * tab, CR, LF, FF, VT); a field that starts with {@code "} runs to the next {@code "}, one that starts with {@code [}
 * to the next {@code ]}, and those delimiters are not part of its value; an unbalanced opener runs to the end of its
 * line.
 *
 * <p>Fields before a {@code ...} align with the start of the event, fields after it with the end, and {@code ...}
 * covers the rest (zero or more fields). Without {@code ...}, the event needs at least as many fields as the pattern
 * and the last pattern field takes the rest of the message, from its first character (a delimiter included) to the
 * end, spacing preserved (U1); with {@code exactFieldCount} it needs exactly as many. {@code []} has no
 * fields and matches every event.
 *
 * <p>Immutable and thread-safe; the field boundaries of the event being evaluated live in a per-thread buffer.
 */
public final class DelimitedMatcher implements EventMatcher {

    /**
     * One field of the pattern.
     *
     * @param name      the field name, or null for an unnamed field
     * @param condition what the field must satisfy, or null
     * @param clause    the field as explanations name it
     */
    public record Field(String name, FieldCondition condition, Clause clause) {
    }

    private final Field[] prefix;
    private final Field[] suffix;
    private final boolean ellipsis;
    private final boolean exactFieldCount;
    private final Prefilter prefilter;
    private final ThreadLocal<Fields> buffers = ThreadLocal.withInitial(Fields::new);

    /**
     * A matcher.
     *
     * @param prefix          the fields before {@code ...}, or all fields if there is none
     * @param suffix          the fields after {@code ...}; empty if there is none
     * @param ellipsis        whether the pattern has {@code ...} (or no fields at all, {@code []})
     * @param exactFieldCount without {@code ...}, whether the event needs exactly as many fields as the pattern
     * @param prefilter       literals every matching message contains
     */
    public DelimitedMatcher(List<Field> prefix, List<Field> suffix, boolean ellipsis, boolean exactFieldCount,
                            Prefilter prefilter) {
        this.prefix = prefix.toArray(Field[]::new);
        this.suffix = suffix.toArray(Field[]::new);
        this.ellipsis = ellipsis;
        this.exactFieldCount = exactFieldCount;
        this.prefilter = prefilter;
    }

    @Override
    public boolean matches(String message) {
        Utf8Buffer buffer = buffers.get().encoded;
        int length = buffer.encode(message, 0);
        if (length >= 0) {
            return matches(buffer.bytes(), 0, length);
        }
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        return matches(utf8, 0, utf8.length);
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        if (!prefilter.mayMatch(utf8, offset, length)) {
            return false;
        }
        Fields fields = buffers.get();
        return align(utf8, offset, offset + length, fields) && conditionsHold(utf8, fields);
    }

    @Override
    public Map<String, String> extract(String message) {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        Fields fields = buffers.get();
        if (!align(utf8, 0, utf8.length, fields) || !conditionsHold(utf8, fields)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        int n = fields.count;
        for (int i = 0; i < n; i++) {
            Field field = fieldAt(i, n);
            String key = field == null || field.name() == null ? "$" + (i + 1) : "$" + field.name();
            values.put(key, new String(utf8, fields.start[i], fields.end[i] - fields.start[i],
                    StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public Explanation explain(String message) {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        Fields fields = buffers.get();
        if (!align(utf8, 0, utf8.length, fields)) {
            fields.split(utf8, 0, utf8.length, Integer.MAX_VALUE);
            int needed = prefix.length + suffix.length;
            String how = ellipsis || !exactFieldCount ? "at least " : "exactly ";
            return new Explanation(false, "the message has " + fields.count + " field" + (fields.count == 1 ? "" : "s")
                    + "; the pattern needs " + how + needed, List.of());
        }
        List<Explanation.Outcome> checked = new java.util.ArrayList<>();
        int firstFailure = -1;
        int n = fields.count;
        for (int i = 0; i < n; i++) {
            Field field = fieldAt(i, n);
            if (field == null || field.condition() == null) {
                continue;
            }
            int len = fields.end[i] - fields.start[i];
            boolean holds = field.condition().test(utf8, fields.start[i], len);
            if (!holds && firstFailure < 0) {
                firstFailure = checked.size();
            }
            String value = new String(utf8, fields.start[i], len, StandardCharsets.UTF_8);
            checked.add(new Explanation.Outcome(field.clause(), holds, "field " + (i + 1) + " is "
                    + Explanation.quote(value), false));
        }
        boolean matched = firstFailure < 0;
        // A match is decided by every condition, a miss by the first that fails.
        List<Explanation.Outcome> outcomes = new java.util.ArrayList<>();
        for (int k = 0; k < checked.size(); k++) {
            Explanation.Outcome o = checked.get(k);
            outcomes.add(new Explanation.Outcome(o.clause(), o.holds(), o.observed(), matched || k == firstFailure));
        }
        String reason = outcomes.isEmpty() ? "the message has " + n + " fields, enough for the pattern"
                : Explanation.reasonOf(outcomes);
        return new Explanation(matched, reason, outcomes);
    }

    /** The pattern field that event field {@code i} of {@code n} aligns with, or null if {@code ...} covers it. */
    private Field fieldAt(int i, int n) {
        if (i < prefix.length) {
            return prefix[i];
        }
        int fromEnd = n - i;
        return fromEnd <= suffix.length ? suffix[suffix.length - fromEnd] : null;
    }

    /**
     * Splits the message into the fields the pattern needs; false if it has too few (or, with exactFieldCount, too
     * many). Without {@code ...}, the last field's range is widened to the rest of the message.
     */
    private boolean align(byte[] b, int from, int to, Fields fields) {
        if (ellipsis) {
            fields.split(b, from, to, Integer.MAX_VALUE);
            return fields.count >= prefix.length + suffix.length;
        }
        int k = prefix.length;
        int next = fields.split(b, from, to, k);
        if (fields.count < k) {
            return false;
        }
        boolean more = skipBlanks(b, next, to) < to;
        if (more) {
            if (exactFieldCount) {
                return false;
            }
            int last = k - 1;
            fields.start[last] = fields.rawStart[last];
            fields.end[last] = to;
        }
        return true;
    }

    private boolean conditionsHold(byte[] b, Fields fields) {
        int n = fields.count;
        for (int i = 0; i < prefix.length; i++) {
            if (!holds(prefix[i], b, fields, i)) {
                return false;
            }
        }
        for (int j = 0; j < suffix.length; j++) {
            if (!holds(suffix[j], b, fields, n - suffix.length + j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Field field, byte[] b, Fields fields, int i) {
        return field.condition() == null
                || field.condition().test(b, fields.start[i], fields.end[i] - fields.start[i]);
    }

    static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static int skipBlanks(byte[] b, int i, int to) {
        while (i < to && isBlank(b[i])) {
            i++;
        }
        return i;
    }

    /** Field boundaries of one event; grows as needed and is reused by its thread. */
    static final class Fields {
        /** The thread's buffer for String events encoded as UTF-8. */
        final Utf8Buffer encoded = new Utf8Buffer();
        int count;
        int[] start = new int[32];
        int[] end = new int[32];
        int[] rawStart = new int[32];

        /** Splits up to {@code max} fields; returns the offset just past the last field read. */
        int split(byte[] b, int from, int to, int max) {
            count = 0;
            int i = from;
            while (count < max) {
                i = skipBlanks(b, i, to);
                if (i >= to) {
                    break;
                }
                int raw = i;
                int s;
                int e;
                byte c = b[i];
                if (c == '"' || c == '[') {
                    byte close = c == '"' ? (byte) '"' : (byte) ']';
                    s = i + 1;
                    int found = ByteSearch.indexOf(b, s, to, close);
                    if (found < 0) {
                        // An unbalanced opener runs to the end of its line.
                        int lineFeed = ByteSearch.indexOf(b, s, to, (byte) '\n');
                        e = lineFeed < 0 ? to : lineFeed > s && b[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
                        i = e;
                    } else {
                        e = found;
                        i = found + 1;
                    }
                } else {
                    s = i;
                    while (i < to && !isBlank(b[i])) {
                        i++;
                    }
                    e = i;
                }
                add(raw, s, e);
            }
            return i;
        }

        private void add(int raw, int s, int e) {
            if (count == start.length) {
                int size = count * 2;
                start = Arrays.copyOf(start, size);
                end = Arrays.copyOf(end, size);
                rawStart = Arrays.copyOf(rawStart, size);
            }
            rawStart[count] = raw;
            start[count] = s;
            end[count] = e;
            count++;
        }
    }
}
