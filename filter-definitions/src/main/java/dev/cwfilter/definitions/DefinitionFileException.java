package dev.cwfilter.definitions;

import java.util.Objects;

/**
 * A definitions file that cannot be read at all: missing, not well-formed JSON or YAML, or not of the shape its kind
 * has (a describe-alarms output without {@code MetricAlarms}, a template without {@code Resources}). A bad
 * definition inside a good file is not this: it is a {@link DefinitionProblem}, and the others are still read.
 *
 * <p>Immutable and thread-safe.
 */
public final class DefinitionFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * An exception about a place in a file.
     *
     * @param file    the file's name as the user wrote it
     * @param line    the 1-based line, or 0 if the problem concerns the whole file
     * @param problem what is wrong, in plain words
     * @param cause   the underlying exception, or null
     */
    public DefinitionFileException(String file, int line, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + (line > 0 ? " line " + line : "") + ": " + problem, cause);
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
