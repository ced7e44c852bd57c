package dev.cwfilter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Objects;

/**
 * Where a pipeline ({@code filter}, {@code events}) prints: the writer, and for JSON output a jackson generator on it
 * that writes one document after the other with nothing between them (each pipeline ends its documents with a line
 * break); flushed, and checked for a failed write (a closed pipe), the same way for both.
 *
 * <p>Not thread-safe: used by the thread that prints.
 */
final class PipelineOutput {

    private static final JsonFactory JSON = new JsonFactory();

    /** The writer. */
    final Writer out;
    /** The JSON generator on {@link #out}, or null for text output. */
    final JsonGenerator json;

    /**
     * An output on {@code out}, with a JSON generator if {@code json}.
     *
     * @throws IOException if the JSON generator cannot be created
     */
    PipelineOutput(Writer out, boolean json) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        if (json) {
            this.json = JSON.createGenerator(out);
            this.json.setRootValueSeparator(new SerializedString(""));
        } else {
            this.json = null;
        }
    }

    /** Whether a write has failed so far; what the JSON generator holds is handed to the writer first. */
    boolean failed() throws IOException {
        if (json != null) {
            json.flush();
        }
        return out instanceof PrintWriter && ((PrintWriter) out).checkError();
    }

    /** Writes out what is buffered. */
    void flush() throws IOException {
        if (json != null) {
            json.flush();
        }
        out.flush();
    }
}
