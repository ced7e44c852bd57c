package dev.cwfilter.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a log event into the fields a space-delimited pattern sees (SEMANTICS.md 5.1), written as plainly as
 * possible: fields are separated by runs of ASCII whitespace (space, tab, LF, CR, FF, VT); a field that starts with
 * {@code "} runs to the next {@code "} and one that starts with {@code [} to the next {@code ]}, those delimiters not
 * being part of its value. A {@code "} never closed is an ordinary character (SEMANTICS.md O6, observed on real AWS);
 * an unbalanced {@code [} runs to the end of its line (SEMANTICS.md 5.1: "unbalanced opener extends to end of line"),
 * a CR before the line feed not included. The next field starts at the next non-whitespace
 * character after a field ends. The last pattern field's "rest of the event" keeps its spacing to the very end (5.3).
 */
final class ReferenceTokenizer {

    /** The characters that separate fields. */
    static final String WHITESPACE = " \t\n\r\f\u000B";

    /**
     * One field of an event.
     *
     * @param start the offset of its first character in the event, an opening delimiter included
     * @param value its value, without delimiters
     */
    record Field(int start, String value) {
    }

    private ReferenceTokenizer() {
    }

    static boolean isWhitespace(char c) {
        return WHITESPACE.indexOf(c) >= 0;
    }

    /** The fields of the event, in order. */
    static List<Field> fields(String event) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        int n = event.length();
        while (true) {
            while (i < n && isWhitespace(event.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return fields;
            }
            int start = i;
            char c = event.charAt(i);
            int closeQuote = c == '"' ? event.indexOf('"', i + 1) : -1;
            if (c == '[' || closeQuote >= 0) {
                char closer = c == '"' ? '"' : ']';
                int close = event.indexOf(closer, i + 1);
                if (close < 0) {
                    int lineEnd = event.indexOf('\n', i + 1);
                    int end = lineEnd < 0 ? n : lineEnd;
                    if (lineEnd > i + 1 && event.charAt(lineEnd - 1) == '\r') {
                        end = lineEnd - 1;
                    }
                    fields.add(new Field(start, event.substring(i + 1, end)));
                    i = end;
                } else {
                    fields.add(new Field(start, event.substring(i + 1, close)));
                    i = close + 1;
                }
            } else {
                int end = i;
                while (end < n && !isWhitespace(event.charAt(end))) {
                    end++;
                }
                fields.add(new Field(start, event.substring(i, end)));
                i = end;
            }
        }
    }

    /** The text from the offset to the end of the event, spacing preserved. */
    static String rest(String event, int start) {
        return event.substring(start);
    }
}
