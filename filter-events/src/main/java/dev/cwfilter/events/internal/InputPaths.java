package dev.cwfilter.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON paths of {@code InputPath} and {@code InputPathsMap}: {@code $} followed by {@code .name} steps (names as
 * dot notation allows: no dot and no bracket) and {@code [index]} steps ({@code $.detail.requestParameters.secretId},
 * {@code $.resources[0]}). EventBridge's API asks for dot notation; its own guide indexes arrays, so both are taken.
 *
 * <p>Stateless and thread-safe; a compiled path is immutable.
 */
public final class InputPaths {

    /** The longest path PutTargets takes, in characters. */
    public static final int MAX_LENGTH = 256;

    private InputPaths() {
    }

    /** A compiled path: its steps, each a name (String) or an index (Integer). */
    public record Path(String text, List<Object> steps) {
        /** Copies the steps. */
        public Path {
            steps = List.copyOf(steps);
        }

        /** The value the path selects in a tree, or null if it selects nothing. */
        public JsonNode select(JsonNode root) {
            JsonNode node = root;
            for (Object step : steps) {
                if (node == null) {
                    return null;
                }
                if (step instanceof String name) {
                    node = node.isObject() ? node.get(name) : null;
                } else {
                    int index = (Integer) step;
                    node = node.isArray() ? node.get(index) : null;
                }
            }
            return node;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Compiles a path.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Path compile(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the path is " + text.length() + " characters long; EventBridge takes "
                    + MAX_LENGTH + " at most");
        }
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a path starts with $ (as in $.detail.eventName), not '" + text + "'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    if (text.charAt(end) == ']') {
                        throw new IllegalArgumentException("unexpected ']' at position " + (end + 1) + " of " + text);
                    }
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("an empty name at position " + (i + 2) + " of " + text);
                }
                steps.add(text.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                String digits = close < 0 ? "" : text.substring(i + 1, close);
                if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
                    throw new IllegalArgumentException("'[' takes an array index, as in $.resources[0], at position "
                            + (i + 1) + " of " + text + " (names are written in dot notation)");
                }
                steps.add(Integer.parseInt(digits));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("expected '.' or '[' at position " + (i + 1) + " of " + text);
            }
        }
        return new Path(text, steps);
    }
}
