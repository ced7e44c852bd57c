package dev.cwfilter.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
        return file(path, size);
    }

    private static Input file(Path path, long size) {
        return new Input(path.toString(), size, () -> {
            if (Files.isDirectory(path)) {
                throw new IOException("is a directory");
            }
            return Files.newInputStream(path);
        });
    }

    /** Adds a file, or the files under a directory as {@link #directory} lists them. */
    public static void fileOrDirectory(Path path, List<Input> out) {
        if (Files.isDirectory(path)) {
            directory(path, out);
        } else {
            out.add(file(path));
        }
    }

    /**
     * Adds the files under a directory, at any depth, in path order: the entries of each directory sorted by name, so
     * that CloudTrail's {@code AWSLogs/<account>/CloudTrail/<region>/yyyy/mm/dd/} layout is read in time order.
     * Hidden entries (names starting with {@code .}) and {@code CloudTrail-Digest} directories (digest files are not
     * events) are left out, and symbolic links to directories are not followed (no cycles). A directory that cannot
     * be listed, an entry that cannot be looked at and a symbolic link to nothing become inputs that report why when
     * they are opened.
     */
    public static void directory(Path dir, List<Input> out) {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            out.add(new Input(dir.toString(), -1, () -> {
                throw new IOException("cannot list the directory (" + why + ")");
            }));
            return;
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            // One look at each entry (a directory of CloudTrail files has thousands): links are looked through only
            // for files.
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                // Listed but not readable: kept as an input, so that opening it reports the error under its name.
                out.add(file(child));
                continue;
            }
            if (attributes.isDirectory()) {
                if (!name.equals("CloudTrail-Digest")) {
                    directory(child, out);
                }
            } else if (attributes.isRegularFile()) {
                out.add(file(child, attributes.size()));
            } else if (attributes.isSymbolicLink() && (Files.isRegularFile(child) || Files.notExists(child))) {
                // A link to a file is read; one to nothing is kept so that opening it says so under its name.
                out.add(file(child));
            }
        }
    }

    /** A stream that is already open, such as standard input. */
    public static Input stream(String name, InputStream in) {
        return new Input(name, -1, () -> in);
    }
}
