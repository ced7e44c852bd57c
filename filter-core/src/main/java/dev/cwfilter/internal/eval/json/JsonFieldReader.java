package dev.cwfilter.internal.eval.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import java.io.IOException;
import java.util.List;

/**
 * Reads the scalar values of a few plain selectors ({@code $.latency}, {@code $.user.id}) from a JSON message: what a
 * metric filter publishes as its value or dimensions. The text of a string, the literal of a number, {@code true} or
 * {@code false}; null for a field that is absent, null, an object or an array. A repeated key gives its last value,
 * at every level, as in matching (SEMANTICS.md O3): a later {@code "a"} replaces everything an earlier one held, so
 * {@code $.a.b} of {@code {"a":{"b":1},"a":{}}} is absent. Runs only for events that matched, so it favours simplicity
 * over the matcher's single-trie walk.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonFieldReader {

    private final Object[][] paths;
    private final JsonFactory factory;
    private final boolean lenientPrefix;

    /**
     * A reader of the given selectors, which must have no wildcard steps.
     *
     * @param selectors     what to read
     * @param factory       the factory carrying the event limits
     * @param lenientPrefix whether the JSON may follow leading text
     */
    public JsonFieldReader(List<Selector> selectors, JsonFactory factory, boolean lenientPrefix) {
        this.paths = new Object[selectors.size()][];
        for (int i = 0; i < selectors.size(); i++) {
            List<SelectorStep> steps = selectors.get(i).steps();
            paths[i] = new Object[steps.size()];
            for (int j = 0; j < steps.size(); j++) {
                SelectorStep step = steps.get(j);
                if (step instanceof SelectorStep.Property p) {
                    paths[i][j] = p.name();
                } else if (step instanceof SelectorStep.Index ix) {
                    paths[i][j] = ix.index();
                } else {
                    throw new IllegalArgumentException("a selector with a wildcard selects more than one value: "
                            + selectors.get(i));
                }
            }
        }
        this.factory = factory;
        this.lenientPrefix = lenientPrefix;
    }

    /** One value per selector, in order; null where there is none. All null if the message is not a JSON object. */
    public String[] read(String message) {
        String[] values = new String[paths.length];
        int start = lenientPrefix ? message.indexOf('{') : 0;
        if (start < 0) {
            return values;
        }
        try (JsonParser p = factory.createParser(message.substring(start))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            Object[] path = new Object[64];
            int[] nextIndex = new int[64];
            int depth = 0;
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                    continue;
                }
                Object step;
                if (token == JsonToken.FIELD_NAME) {
                    step = p.currentName();
                    token = p.nextToken();
                } else {
                    step = nextIndex[depth]++;
                }
                path[depth] = step;
                int reach = depth + 1;
                boolean prefixOfAny = false;
                for (int i = 0; i < paths.length; i++) {
                    if (!startsWith(paths[i], path, reach)) {
                        continue;
                    }
                    if (paths[i].length == reach) {
                        values[i] = scalarText(p, token);
                    } else {
                        // A repeat of a key on the way replaces what an earlier occurrence held below it.
                        values[i] = null;
                        prefixOfAny = true;
                    }
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (prefixOfAny && reach < path.length) {
                        depth = reach;
                        nextIndex[depth] = 0;
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            return new String[paths.length];
        }
        return values;
    }

    private static boolean startsWith(Object[] selector, Object[] path, int length) {
        if (selector.length < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!selector[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static String scalarText(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> null;
        };
    }
}
