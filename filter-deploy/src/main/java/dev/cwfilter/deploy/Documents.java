package dev.cwfilter.deploy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON and YAML documents into {@link Node} trees with line numbers and YAML tags. Both go through Jackson's
 * streaming parser (YAML through jackson-dataformat-yaml), so there is one code path and one notion of a location.
 *
 * <p>Thread-safe: the factories are shared, parsers are per call.
 */
public final class Documents {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final Pattern YAML_MARK = Pattern.compile("^ in '.*', line (\\d+), column \\d+:");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private Documents() {
    }

    /** Whether a file name says YAML ({@code .yaml}, {@code .yml}). */
    public static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /**
     * Reads the text of a file.
     *
     * @throws UncheckedIOException if it cannot be read
     */
    public static String readFile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a classpath resource, relative to the class loader's root (a leading {@code /} is optional), or else
     * relative to the package of {@code anchor}.
     *
     * @throws DocumentException if there is no such resource
     */
    public static String readResource(String name, Class<?> anchor) {
        String root = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = anchor.getClassLoader() != null ? anchor.getClassLoader()
                : ClassLoader.getSystemClassLoader();
        InputStream in = loader.getResourceAsStream(root);
        if (in == null && !name.startsWith("/")) {
            in = anchor.getResourceAsStream(name);
        }
        if (in == null) {
            throw new DocumentException(name, 0, "no such classpath resource (looked at the classpath root and"
                    + " beside " + anchor.getName() + ")", null);
        }
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses one document, JSON or YAML as {@code yaml} says.
     *
     * @param file the file's name, for messages
     * @throws DocumentException if the text is not one well-formed document
     */
    public static Node parse(String text, String file, boolean yaml) {
        try (JsonParser p = yaml ? YAML.createParser(text) : JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new DocumentException(file, 0, "the file is empty", null);
            }
            Node node = read(p, yaml);
            if (!yaml && p.nextToken() != null) {
                throw new DocumentException(file, line(p.currentTokenLocation()),
                        "unexpected text after the end of the JSON document", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : line(at);
            String problem = firstLine(e.getOriginalMessage());
            if (yaml) {
                // SnakeYAML says where the construct began, then where and what the problem is: report the latter.
                String[] lines = e.getOriginalMessage().split("\n");
                for (int i = lines.length - 1; i > 0; i--) {
                    Matcher m = YAML_MARK.matcher(lines[i]);
                    if (m.find()) {
                        line = Integer.parseInt(m.group(1));
                        problem = lines[i - 1].trim();
                        break;
                    }
                }
            }
            throw new DocumentException(file, line, "not well-formed " + (yaml ? "YAML" : "JSON") + ": " + problem,
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int line(JsonLocation location) {
        return Math.max(location.getLineNr(), 0);
    }

    private static String tagOf(JsonParser p, boolean yaml) throws IOException {
        if (!yaml) {
            return null;
        }
        Object id = p.getTypeId();
        String tag = id == null ? null : id.toString();
        // Standard tags (!!str, !!int) arrive resolved as "tag:yaml.org,2002:..."; only local tags such as !Ref matter.
        return tag == null || tag.isEmpty() || tag.indexOf(':') >= 0 ? null : tag;
    }

    /** Reads the JSON value at the parser's current token (for log events, which are always JSON). */
    public static Node readValue(JsonParser p) throws IOException {
        return read(p, false);
    }

    private static Node read(JsonParser p, boolean yaml) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p.currentTokenLocation());
        String tag = tagOf(p, yaml);
        switch (t) {
            case START_OBJECT: {
                List<Node.Member> members = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    p.nextToken();
                    members.add(new Node.Member(key, read(p, yaml), keyLine));
                }
                return new Node.Mapping(members, line, tag);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, yaml));
                }
                return new Node.Sequence(items, line, tag);
            }
            case VALUE_STRING:
                return new Node.Scalar(Node.ScalarType.STRING, p.getText(), line, tag);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                String text = p.getText();
                // YAML spells numbers JSON does not (0x1F, +1, .5); keep JSON's spelling so events stay JSON.
                if (yaml && !JSON_NUMBER.matcher(text).matches()) {
                    text = t == JsonToken.VALUE_NUMBER_INT ? p.getBigIntegerValue().toString()
                            : p.getDecimalValue().toString();
                }
                return new Node.Scalar(Node.ScalarType.NUMBER, text, line, tag);
            }
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(Node.ScalarType.BOOLEAN, p.getText(), line, tag);
            case VALUE_NULL:
                return new Node.Scalar(Node.ScalarType.NULL, "null", line, tag);
            default:
                throw new IllegalStateException("unexpected token " + t + " at line " + line);
        }
    }

    /** Writes a node as compact JSON, keys in order, numbers as written, tags dropped. */
    public static String toJson(Node node) {
        StringBuilder sb = new StringBuilder();
        writeJson(node, sb);
        return sb.toString();
    }

    /** Appends a string as a JSON string literal. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }

    private static void writeJson(Node node, StringBuilder sb) {
        if (node instanceof Node.Mapping m) {
            sb.append('{');
            boolean first = true;
            for (Node.Member member : m.members()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(member.key(), sb);
                sb.append(':');
                writeJson(member.value(), sb);
            }
            sb.append('}');
        } else if (node instanceof Node.Sequence s) {
            sb.append('[');
            boolean first = true;
            for (Node item : s.items()) {
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
                quote(s.text(), sb);
            } else {
                sb.append(s.text());
            }
        }
    }
}
