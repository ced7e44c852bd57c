package dev.cwfilter.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure message as short lines of facts, values aligned after their labels:
 * <pre>
 * expected:   to match
 * pattern:    { $.eventName = "GetSecretValue" }
 * decided by: $.eventName = "GetSecretValue" fails ("ListSecrets")
 * </pre>
 * A value with line breaks continues on indented lines. Not thread-safe; build one per message.
 */
public final class Facts {

    private final List<String[]> rows = new ArrayList<>();

    /** Adds a fact; a null value is skipped. */
    public Facts add(String label, String value) {
        if (value != null) {
            rows.add(new String[] {label, value});
        }
        return this;
    }

    /** Adds every fact of another message, in order. */
    public Facts addAll(Facts other) {
        rows.addAll(other.rows);
        return this;
    }

    /** Whether no fact was added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        int width = 0;
        for (String[] row : rows) {
            width = Math.max(width, row[0].length() + 2);
        }
        String indent = " ".repeat(width);
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            String label = row[0] + ":";
            sb.append(label).append(" ".repeat(width - label.length()));
            String[] lines = row[1].split("\n", -1);
            sb.append(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                sb.append('\n').append(lines[i].isEmpty() ? "" : indent + lines[i]);
            }
        }
        return sb.toString();
    }
}
