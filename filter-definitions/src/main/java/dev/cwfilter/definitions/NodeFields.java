package dev.cwfilter.definitions;

import dev.cwfilter.deploy.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reading of one JSON object of AWS CLI output, every mistake an {@link IllegalArgumentException} naming the
 * field: the shape checks the describe-* readers share. Stateless and thread-safe.
 */
final class NodeFields {

    private NodeFields() {
    }

    /** Rejects fields that are not among the known ones (the API's, as AWS-SHAPES lists them). */
    static void onlyKnown(Node.Mapping m, Set<String> known, String what) {
        List<String> unknown = new ArrayList<>();
        for (String key : m.keys()) {
            if (!known.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " in " + what + " (known: " + String.join(", ",
                    new java.util.TreeSet<>(known)) + ")");
        }
    }

    static String string(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.STRING) {
            return s.text();
        }
        throw new IllegalArgumentException(key + " must be a string, not " + n.kind());
    }

    static Double number(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.NUMBER) {
            return Double.parseDouble(s.text());
        }
        throw new IllegalArgumentException(key + " must be a number, not " + n.kind());
    }

    static Integer integer(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.NUMBER) {
            try {
                return Integer.valueOf(s.text());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number within range, not " + s.text());
            }
        }
        throw new IllegalArgumentException(key + " must be a number, not " + n.kind());
    }

    static Boolean bool(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.BOOLEAN) {
            return Boolean.valueOf(s.text());
        }
        throw new IllegalArgumentException(key + " must be true or false, not " + n.kind());
    }

    static List<String> strings(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.Sequence list)) {
            throw new IllegalArgumentException(key + " must be a list of strings, not " + n.kind());
        }
        List<String> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof Node.Scalar s) || s.type() != Node.ScalarType.STRING) {
                throw new IllegalArgumentException(key + " must be a list of strings, not hold " + item.kind());
            }
            out.add(s.text());
        }
        return out;
    }

    static Map<String, String> stringMap(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.Mapping map)) {
            throw new IllegalArgumentException(key + " must be an object of strings, not " + n.kind());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Node.Member member : map.members()) {
            if (!(member.value() instanceof Node.Scalar s) || s.type() != Node.ScalarType.STRING) {
                throw new IllegalArgumentException(key + "." + member.key() + " must be a string, not "
                        + member.value().kind());
            }
            out.put(member.key(), s.text());
        }
        return out;
    }

    static List<Node.Mapping> objects(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.Sequence list)) {
            throw new IllegalArgumentException(key + " must be a list of objects, not " + n.kind());
        }
        List<Node.Mapping> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof Node.Mapping o)) {
                throw new IllegalArgumentException(key + " must be a list of objects, not hold " + item.kind());
            }
            out.add(o);
        }
        return out;
    }

    /** The name a definition is reported by: its name field if it is a string, else its position. */
    static String nameOf(Node n, String key, int position) {
        if (n instanceof Node.Mapping m && m.get(key) instanceof Node.Scalar s && s.type() == Node.ScalarType.STRING) {
            return s.text();
        }
        return "#" + position;
    }
}
