package dev.cwfilter.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A node of a JSON or YAML document with where it was written and its YAML tag: what the readers of deployment files
 * work on, so that every error can name a line. Keys keep their order and duplicates (the first one wins on lookup).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Node permits Node.Mapping, Node.Sequence, Node.Scalar {

    /** The 1-based line where the node starts. */
    int line();

    /** The local YAML tag without its {@code !} ({@code Ref} for {@code !Ref}), or null. */
    String tag();

    /** What kind of value this is, in words for error messages: "a mapping", "a list", "a string", ... */
    String kind();

    /** A mapping entry. */
    record Member(String key, Node value, int line) {
        /** Checks for null. */
        public Member {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON object or YAML mapping. */
    record Mapping(List<Member> members, int line, String tag) implements Node {
        /** Copies the members. */
        public Mapping {
            members = List.copyOf(members);
        }

        /** The value of the first member with this key, or null. */
        public Node get(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return m.value();
                }
            }
            return null;
        }

        /** The keys, in order. */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (Member m : members) {
                keys.add(m.key());
            }
            return keys;
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A JSON array or YAML sequence. */
    record Sequence(List<Node> items, int line, String tag) implements Node {
        /** Copies the items. */
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** What a scalar is. */
    enum ScalarType {
        /** A string. */
        STRING,
        /** A number; the text is its literal. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** null (YAML {@code ~}, {@code null} or nothing). */
        NULL
    }

    /** A string, number, boolean or null, with its text as written (a number keeps its literal). */
    record Scalar(ScalarType type, String text, int line, String tag) implements Node {
        /** Checks for null. */
        public Scalar {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kind() {
            switch (type) {
                case STRING:
                    return "a string";
                case NUMBER:
                    return "a number";
                case BOOLEAN:
                    return "a boolean";
                default:
                    return "null";
            }
        }
    }
}
