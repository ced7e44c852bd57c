package dev.cwfilter.testkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Node;
import dev.cwfilter.testkit.FileFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The testkit's reading of JSON and YAML documents: {@link dev.cwfilter.deploy.Documents} (shared with the other
 * readers of deployment files), with its errors as the testkit's {@link FileFormatException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Documents {

    private Documents() {
    }

    /** Whether a file name says YAML ({@code .yaml}, {@code .yml}). */
    public static boolean isYaml(String name) {
        return dev.cwfilter.deploy.Documents.isYaml(name);
    }

    /** Reads the text of a file. */
    public static String readFile(Path path) {
        return dev.cwfilter.deploy.Documents.readFile(path);
    }

    /**
     * Reads a classpath resource, relative to the class loader's root (a leading {@code /} is optional), or else
     * relative to the package of {@code anchor}.
     *
     * @throws FileFormatException if there is no such resource
     */
    public static String readResource(String name, Class<?> anchor) {
        return testkitErrors(() -> dev.cwfilter.deploy.Documents.readResource(name, anchor));
    }

    /**
     * Parses one document, JSON or YAML as {@code yaml} says.
     *
     * @param file the file's name, for messages
     * @throws FileFormatException if the text is not one well-formed document
     */
    public static Node parse(String text, String file, boolean yaml) {
        return testkitErrors(() -> dev.cwfilter.deploy.Documents.parse(text, file, yaml));
    }

    /** Reads the JSON value at the parser's current token (used for log events, which are always JSON). */
    public static Node readValue(JsonParser p) throws IOException {
        return dev.cwfilter.deploy.Documents.readValue(p);
    }

    /** Writes a node as compact JSON, keys in order, numbers as written, tags dropped. */
    public static String toJson(Node node) {
        return dev.cwfilter.deploy.Documents.toJson(node);
    }

    /** Runs a reader, its {@link DocumentException} becoming the testkit's {@link FileFormatException}. */
    public static <T> T testkitErrors(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (FileFormatException e) {
            throw e;
        } catch (DocumentException e) {
            throw new FileFormatException(e.file(), e.line(), e.problem(), e.getCause());
        }
    }
}
