package dev.cwfilter.cli.render;

import dev.cwfilter.io.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a response as the AWS CLI does, so that scripts can swap {@code aws logs} for {@code cwfilter}:
 * {@code --output json} is Python's {@code json.dump(response, indent=4, ensure_ascii=False)} (4-space indent,
 * {@code ", "} and {@code ": "} separators, non-ASCII characters as they are, control characters escaped with
 * lower-case hex); {@code --output text} is the AWS CLI's tab-separated text format. Values are maps (in insertion
 * order), lists, strings, numbers, booleans and null. Stateless and thread-safe.
 */
public final class AwsCliOutput {

    private AwsCliOutput() {
    }

    /** The JSON text, ending with a newline. */
    public static String json(Object value) {
        StringBuilder sb = new StringBuilder();
        json(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void json(StringBuilder sb, Object value, int depth) {
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            String sep = "\n";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(sep);
                indent(sb, depth + 1);
                JsonString.quote(String.valueOf(e.getKey()), sb);
                sb.append(": ");
                json(sb, e.getValue(), depth + 1);
                sep = ",\n";
            }
            sb.append('\n');
            indent(sb, depth);
            sb.append('}');
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            String sep = "\n";
            for (Object item : list) {
                sb.append(sep);
                indent(sb, depth + 1);
                json(sb, item, depth + 1);
                sep = ",\n";
            }
            sb.append('\n');
            indent(sb, depth);
            sb.append(']');
        } else if (value instanceof String) {
            JsonString.quote((String) value, sb);
        } else if (value == null) {
            sb.append("null");
        } else {
            sb.append(value);
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append(" ".repeat(4 * depth));
    }

    /**
     * The AWS CLI's text format: each map's scalar values on one line, tab-separated, in the order of their sorted
     * keys, after the upper-cased name of the list or map holding them; a list of maps uses the scalar keys of all its
     * elements; nested lists and maps follow on their own lines.
     */
    public static String text(Object value) {
        StringBuilder sb = new StringBuilder();
        text(sb, value, null, null);
        return sb.toString();
    }

    private static void text(StringBuilder sb, Object value, String identifier, List<String> scalarKeys) {
        if (value instanceof Map) {
            textMap(sb, (Map<?, ?>) value, identifier, scalarKeys);
        } else if (value instanceof List) {
            textList(sb, (List<?>) value, identifier);
        } else {
            sb.append(scalar(value)).append('\n');
        }
    }

    private static void textMap(StringBuilder sb, Map<?, ?> map, String identifier, List<String> scalarKeys) {
        List<String> scalars = new ArrayList<>();
        TreeMap<String, Object> nonScalars = new TreeMap<>();
        if (scalarKeys == null) {
            for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
                if (isScalar(e.getValue())) {
                    scalars.add(scalar(e.getValue()));
                } else {
                    nonScalars.put(e.getKey(), e.getValue());
                }
            }
        } else {
            for (String key : scalarKeys) {
                scalars.add(map.containsKey(key) ? scalar(map.get(key)) : "");
            }
            for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
                if (!scalarKeys.contains(e.getKey())) {
                    nonScalars.put(e.getKey(), e.getValue());
                }
            }
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) {
                scalars.add(0, identifier.toUpperCase(java.util.Locale.ROOT));
            }
            sb.append(String.join("\t", scalars)).append('\n');
        }
        nonScalars.forEach((key, v) -> text(sb, v, key, null));
    }

    private static void textList(StringBuilder sb, List<?> list, String identifier) {
        if (list.isEmpty()) {
            return;
        }
        if (list.stream().anyMatch(e -> e instanceof Map)) {
            TreeMap<String, Boolean> keys = new TreeMap<>();
            for (Object element : list) {
                if (element instanceof Map) {
                    sorted((Map<?, ?>) element).forEach((k, v) -> {
                        if (isScalar(v)) {
                            keys.put(k, true);
                        }
                    });
                }
            }
            for (Object element : list) {
                text(sb, element, identifier, new ArrayList<>(keys.keySet()));
            }
        } else {
            List<String> scalars = new ArrayList<>();
            List<Object> nested = new ArrayList<>();
            for (Object element : list) {
                if (isScalar(element)) {
                    scalars.add(scalar(element));
                } else {
                    nested.add(element);
                }
            }
            if (!scalars.isEmpty()) {
                if (identifier != null) {
                    scalars.add(0, identifier.toUpperCase(java.util.Locale.ROOT));
                }
                sb.append(String.join("\t", scalars)).append('\n');
            }
            for (Object n : nested) {
                text(sb, n, identifier, null);
            }
        }
    }

    private static TreeMap<String, Object> sorted(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }

    private static boolean isScalar(Object value) {
        return !(value instanceof Map) && !(value instanceof List);
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        return String.valueOf(value);
    }
}
