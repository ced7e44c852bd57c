package dev.cwfilter.deploy;

import java.util.Objects;

/**
 * A file that cannot be used: malformed, of an unexpected shape, or holding a definition AWS would reject. The message
 * names the file, the line and, where there is one, the resource, such as
 * {@code template.yaml line 12: resource SecretRule (AWS::Events::Rule): EventPattern is missing}.
 *
 * <p>Immutable and thread-safe.
 */
public class DocumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * An exception about a place in a file.
     *
     * @param file    the file's name as the user wrote it (classpath resource or path)
     * @param line    the 1-based line, or 0 if the problem concerns the whole file
     * @param problem what is wrong, in plain words
     * @param cause   the underlying exception, or null
     */
    public DocumentException(String file, int line, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + (line > 0 ? " line " + line : "") + ": "
                + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file's name as the user wrote it. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 if it concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
