package dev.cwfilter.internal.eval;

import dev.cwfilter.internal.eval.prefilter.Prefilter;
import dev.cwfilter.internal.eval.prefilter.PrefilterGate;
import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.search.Utf8Buffer;
import dev.cwfilter.internal.eval.value.FieldCondition;
import dev.cwfilter.internal.eval.value.FieldRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A space-delimited pattern (SEMANTICS.md section 5). The event is split into fields at runs of whitespace (space,
 * tab, CR, LF, FF, VT); a field that starts with {@code "} runs to the next {@code "}, one that starts with {@code [}
 * to the next {@code ]}, and those delimiters are not part of its value. A {@code "} that is never closed is an
 * ordinary character (SEMANTICS.md O6, observed on real AWS): {@code "half open} is the two fields {@code "half} and
 * {@code open}. An unclosed {@code [} runs to the end of its line.
 *
 * <p>Fields before a {@code ...} align with the start of the event, fields after it with the end, and {@code ...}
 * covers the rest (zero or more fields). Without {@code ...}, the event needs at least as many fields as the pattern
 * and the last pattern field takes the rest of the message, from its first character (a delimiter included) to the
 * end, spacing preserved (U1); with {@code exactFieldCount} it needs exactly as many. {@code []} has no
 * fields and matches every event.
 *
 * <p>Matching reads only what decides: a pattern ending in {@code ...} reads the event's fields up to its own last one
 * and no further (the fields after them can neither align with anything nor be too few); one with fields after
 * {@code ...} counts every field, keeping those at either end.
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

    /** The literals every matching event contains. */
    public Prefilter prefilter() {
        return prefilter;
    }

    /** The calling thread's prefilter gate (for tests: whether the prefilter is paused). */
    PrefilterGate gate() {
        return buffers.get().gate;
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
        Fields fields = buffers.get();
        if (prefilter == Prefilter.NONE) {
            return matches(utf8, offset, length, fields);
        }
        PrefilterGate gate = fields.gate;
        boolean matched = (!gate.begin() || prefilter.mayMatch(utf8, offset, length))
                && matches(utf8, offset, length, fields);
        gate.end();
        return matched;
    }

    /** The event's answer, the prefilter passed or not asked. */
    private boolean matches(byte[] utf8, int offset, int length, Fields fields) {
        if (ellipsis && suffix.length == 0) {
            // Nothing aligns with the end ([identity = "*BreakGlassAdmin*", ...]): only the first fields are tested,
            // and the event needs only that many; the rest is not read.
            fields.split(utf8, offset, offset + length, prefix.length);
            return fields.count == prefix.length && conditionsHold(utf8, fields, prefix.length);
        }
        if (ellipsis) {
            // Only the fields at either end are tested: keep those, count the rest, and hold memory that does not
            // grow with the event.
            fields.splitEnds(utf8, offset, offset + length, prefix.length, suffix.length);
            return fields.count >= prefix.length + suffix.length && conditionsHold(utf8, fields, prefix.length);
        }
        return align(utf8, offset, offset + length, fields)
                && conditionsHold(utf8, fields, fields.count - suffix.length);
    }

    @Override
    public Map<String, String> extract(String message) {
        Fields fields = buffers.get();
        try {
            return extract(message, fields);
        } finally {
            fields.shrink(prefix.length + suffix.length);
        }
    }

    private Map<String, String> extract(String message, Fields fields) {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        if (!align(utf8, 0, utf8.length, fields) || !conditionsHold(utf8, fields, fields.count - suffix.length)) {
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
    public String[] fieldValues(String message, List<FieldRequest> requests) {
        Fields fields = buffers.get();
        // Into the thread's buffer, so that an event that does not match allocates nothing (a metric filter of a log
        // group asks every event); a lone surrogate, which the buffer cannot carry, encodes as getBytes does.
        int encoded = fields.encoded.encode(message, 0);
        byte[] utf8 = encoded >= 0 ? fields.encoded.bytes() : message.getBytes(StandardCharsets.UTF_8);
        int length = encoded >= 0 ? encoded : utf8.length;
        if (prefilter != Prefilter.NONE && !prefilter.mayMatch(utf8, 0, length)) {
            return null;
        }
        int suffixAt;
        if (ellipsis) {
            fields.splitEnds(utf8, 0, length, prefix.length, suffix.length);
            if (fields.count < prefix.length + suffix.length) {
                return null;
            }
            suffixAt = prefix.length;
        } else {
            if (!align(utf8, 0, length, fields)) {
                return null;
            }
            suffixAt = fields.count - suffix.length;
        }
        if (!conditionsHold(utf8, fields, suffixAt)) {
            return null;
        }
        String[] values = new String[requests.size()];
        int n = fields.count;
        for (int k = 0; k < values.length; k++) {
            FieldRequest request = requests.get(k);
            int index = request.name() != null ? storedIndexOf(request.name(), suffixAt) : -1;
            int p = request.position() - 1;
            if (request.name() == null && p >= 0 && p < n) {
                if (p < prefix.length) {
                    index = p;
                } else if (p >= n - suffix.length) {
                    index = suffixAt + p - (n - suffix.length);
                } else {
                    // A field that '...' covers is not kept: find it again, keeping nothing of the fields before it.
                    values[k] = fields.nth(utf8, 0, length, p);
                    continue;
                }
            }
            values[k] = index < 0 ? null
                    : new String(utf8, fields.start[index], fields.end[index] - fields.start[index],
                            StandardCharsets.UTF_8);
        }
        return values;
    }

    /** Where the field the pattern names {@code name} is kept, or -1. */
    private int storedIndexOf(String name, int suffixAt) {
        for (int i = 0; i < prefix.length; i++) {
            if (name.equals(prefix[i].name())) {
                return i;
            }
        }
        for (int j = 0; j < suffix.length; j++) {
            if (name.equals(suffix[j].name())) {
                return suffixAt + j;
            }
        }
        return -1;
    }

    @Override
    public Explanation explain(String message) {
        Fields fields = buffers.get();
        try {
            return explain(message, fields);
        } finally {
            fields.shrink(prefix.length + suffix.length);
        }
    }

    private Explanation explain(String message, Fields fields) {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
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

    /** Whether every condition holds; the fields after {@code ...} are at {@code [suffixAt, suffixAt + suffix)}. */
    private boolean conditionsHold(byte[] b, Fields fields, int suffixAt) {
        for (int i = 0; i < prefix.length; i++) {
            if (!holds(prefix[i], b, fields, i)) {
                return false;
            }
        }
        for (int j = 0; j < suffix.length; j++) {
            if (!holds(suffix[j], b, fields, suffixAt + j)) {
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
        /** The most field boundaries a thread keeps between events (more if its pattern has more fields). */
        static final int RETAINED = 1024;
        /** The thread's buffer for String events encoded as UTF-8. */
        final Utf8Buffer encoded = new Utf8Buffer();
        /** Whether this thread consults the prefilter, from how long events take with it and without it. */
        final PrefilterGate gate = new PrefilterGate();
        int count;
        int[] start = new int[32];
        int[] end = new int[32];
        int[] rawStart = new int[32];
        private int[] copy = new int[0];
        /** The field {@link #next} read: where it starts (its delimiter included), its value's start and end. */
        private int nextRaw;
        private int nextStart;
        private int nextEnd;

        /**
         * Gives back the room that extracting or explaining every field of a large event took, so that a thread does
         * not keep it: matching keeps only the pattern's fields and never grows the buffer past them.
         */
        void shrink(int patternFields) {
            int keep = Math.max(RETAINED, patternFields);
            if (start.length > keep) {
                start = new int[keep];
                end = new int[keep];
                rawStart = new int[keep];
            }
        }

        /** Splits up to {@code max} fields; returns the offset just past the last field read. */
        int split(byte[] b, int from, int to, int max) {
            count = 0;
            int i = from;
            while (count < max) {
                int after = next(b, i, to);
                if (after < 0) {
                    break;
                }
                i = after;
                add(count, nextRaw, nextStart, nextEnd);
                count++;
            }
            return i;
        }

        /**
         * Splits every field but keeps only the first {@code first} at {@code [0, first)} and the last {@code last}
         * at {@code [first, first + last)}, in order; {@link #count} is the number of fields. The fields between are
         * counted, not kept (a ring of {@code last} slots holds the latest), so memory does not grow with the event.
         * When there are fewer than {@code first + last} fields the kept ones are not meaningful.
         */
        void splitEnds(byte[] b, int from, int to, int first, int last) {
            count = 0;
            int i = from;
            int slot = 0;
            while (true) {
                int after = next(b, i, to);
                if (after < 0) {
                    break;
                }
                i = after;
                if (count < first) {
                    add(count, nextRaw, nextStart, nextEnd);
                } else if (last > 0) {
                    add(first + slot, nextRaw, nextStart, nextEnd);
                    slot = slot + 1 == last ? 0 : slot + 1;
                }
                count++;
            }
            if (last > 0 && count >= first + last && slot != 0) {
                // The ring's oldest field is at slot: rotate it to the front.
                rotate(start, first, last, slot);
                rotate(end, first, last, slot);
                rotate(rawStart, first, last, slot);
            }
        }

        /** The value of the field at {@code index} (0-based), found by reading the fields before it one by one. */
        String nth(byte[] b, int from, int to, int index) {
            int i = from;
            for (int k = 0; k <= index; k++) {
                i = next(b, i, to);
                if (i < 0) {
                    return null;
                }
            }
            return new String(b, nextStart, nextEnd - nextStart, StandardCharsets.UTF_8);
        }

        private void rotate(int[] a, int from, int length, int by) {
            if (copy.length < length) {
                copy = new int[length];
            }
            System.arraycopy(a, from, copy, 0, length);
            for (int k = 0; k < length; k++) {
                a[from + k] = copy[(by + k) % length];
            }
        }

        /**
         * Reads the field at or after {@code i} into {@link #nextRaw}, {@link #nextStart} and {@link #nextEnd}; returns
         * the offset just past it, or -1 if only blanks are left.
         */
        private int next(byte[] b, int i, int to) {
            i = skipBlanks(b, i, to);
            if (i >= to) {
                return -1;
            }
            nextRaw = i;
            byte c = b[i];
            if (c == '"' || c == '[') {
                byte close = c == '"' ? (byte) '"' : (byte) ']';
                int found = ByteSearch.indexOf(b, i + 1, to, close);
                if (found >= 0) {
                    nextStart = i + 1;
                    nextEnd = found;
                    return found + 1;
                }
                if (c == '[') {
                    // An unbalanced '[' runs to the end of its line.
                    nextStart = i + 1;
                    int lineFeed = ByteSearch.indexOf(b, nextStart, to, (byte) '\n');
                    nextEnd = lineFeed < 0 ? to : lineFeed > nextStart && b[lineFeed - 1] == '\r' ? lineFeed - 1
                            : lineFeed;
                    return nextEnd;
                }
                // O6 [OBSERVED]: a '"' that is never closed is an ordinary character of a plain field.
            }
            nextStart = i;
            while (i < to && !isBlank(b[i])) {
                i++;
            }
            nextEnd = i;
            return i;
        }

        private void add(int index, int raw, int s, int e) {
            if (index >= start.length) {
                int size = Math.max(index + 1, start.length * 2);
                start = Arrays.copyOf(start, size);
                end = Arrays.copyOf(end, size);
                rawStart = Arrays.copyOf(rawStart, size);
            }
            rawStart[index] = raw;
            start[index] = s;
            end[index] = e;
        }
    }
}
