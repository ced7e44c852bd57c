package dev.cwfilter.testkit;

import java.util.Objects;

/**
 * A file the testkit reads (a {@link FilterCases} file, a CloudFormation template, a Terraform plan) that it cannot
 * use: malformed, of an unexpected shape, or holding something CloudWatch would reject. The message names the file,
 * the line and, where there is one, the resource, such as
 * {@code my-filters.yaml line 12: unknown key 'matchs' (expected one of: name, pattern, ...)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FileFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * An exception about a place in a file.
     *
     * @param file    the file's name as the user wrote it (classpath resource or path)
     * @param line    the 1-based line, or 0 if the problem concerns the whole file
     * @param problem what is wrong, in plain words
     * @param cause   the underlying exception, or null
     */
    public FileFormatException(String file, int line, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /**
     * The same problem as filter-definitions reported it, as the testkit reports problems with files.
     *
     * @param e the definitions' exception, kept as the cause
     */
    public static FileFormatException of(dev.cwfilter.deploy.DocumentException e) {
        return new FileFormatException(e.file(), e.line(), e.problem(), e);
    }

    /** The file's name as the user wrote it. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 if it concerns the whole file. */
    public int line() {
        return line;
    }
}
