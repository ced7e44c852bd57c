package dev.cwfilter.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input of a command: a file or a stream, with a name for messages and its size if known (for the progress
 * bar).
 *
 * <p>Immutable; each stream it opens is used by one thread.
 *
 * @param name   the file name as the user gave it, or {@code -} for standard input
 * @param size   the size in bytes, or -1 if unknown
 * @param opener opens the input; called once
 */
public record Input(String name, long size, Opener opener) {

    /** Opens an input's bytes. */
    @FunctionalInterface
    public interface Opener {
        /** The input's bytes, as stored (possibly gzipped). */
        InputStream open() throws IOException;
    }

    /** A file; its size is read now if it can be. */
    public static Input file(Path path) {
        long size;
        try {
            size = Files.isRegularFile(path) ? Files.size(path) : -1;
        } catch (IOException e) {
            size = -1;
        }
        return new Input(path.toString(), size, () -> {
            if (Files.isDirectory(path)) {
                throw new IOException("is a directory");
            }
            return Files.newInputStream(path);
        });
    }

    /** A stream that is already open, such as standard input. */
    public static Input stream(String name, InputStream in) {
        return new Input(name, -1, () -> in);
    }
}
