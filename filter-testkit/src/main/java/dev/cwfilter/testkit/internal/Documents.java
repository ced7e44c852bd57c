package dev.cwfilter.testkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.cwfilter.definitions.DefinitionFileException;
import dev.cwfilter.definitions.internal.Node;
import dev.cwfilter.testkit.FileFormatException;
import java.io.IOException;

/**
 * The testkit's view of filter-definitions' document reader ({@link dev.cwfilter.definitions.internal.Documents}):
 * the same parsing, with problems reported as the testkit's {@link FileFormatException}; and compact JSON writing of
 * a node, for events written in YAML case files.
 *
 * <p>Stateless and thread-safe.
 */
public final class Documents {

    private Documents() {
    }

    /** Whether a file name says YAML ({@code .yaml}, {@code .yml}). */
    public static boolean isYaml(String name) {
        return dev.cwfilter.definitions.internal.Documents.isYaml(name);
    }

    /**
     * Reads a classpath resource, relative to the class loader's root (a leading {@code /} is optional), or else
     * relative to the package of {@code anchor}.
     *
     * @throws FileFormatException if there is no such resource
     */
    public static String readResource(String name, Class<?> anchor) {
        try {
            return dev.cwfilter.definitions.internal.Documents.readResource(name, anchor);
        } catch (DefinitionFileException e) {
            throw FileFormatException.of(e);
        }
    }

    /**
     * Parses one document, JSON or YAML as {@code yaml} says.
     *
     * @param file the file's name, for messages
     * @throws FileFormatException if the text is not one well-formed document
     */
    public static Node parse(String text, String file, boolean yaml) {
        try {
            return dev.cwfilter.definitions.internal.Documents.parse(text, file, yaml);
        } catch (DefinitionFileException e) {
            throw FileFormatException.of(e);
        }
    }

    /** Reads the JSON value at the parser's current token (used for log events, which are always JSON). */
    public static Node readValue(JsonParser p) throws IOException {
        return dev.cwfilter.definitions.internal.Documents.readValue(p);
    }

    /** Writes a node as compact JSON, keys in order, numbers as written, tags dropped. */
    public static String toJson(Node node) {
        StringBuilder sb = new StringBuilder();
        writeJson(node, sb);
        return sb.toString();
    }

    private static void writeJson(Node node, StringBuilder sb) {
        if (node instanceof Node.Mapping) {
            sb.append('{');
            boolean first = true;
            for (Node.Member m : ((Node.Mapping) node).members()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                Json.quote(m.key(), sb);
                sb.append(':');
                writeJson(m.value(), sb);
            }
            sb.append('}');
        } else if (node instanceof Node.Sequence) {
            sb.append('[');
            boolean first = true;
            for (Node item : ((Node.Sequence) node).items()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeJson(item, sb);
            }
            sb.append(']');
        } else {
            Node.Scalar s = (Node.Scalar) node;
            if (s.type() == Node.ScalarType.STRING) {
                Json.quote(s.text(), sb);
            } else {
                sb.append(s.text());
            }
        }
    }
}
