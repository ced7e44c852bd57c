package dev.cwfilter.cli.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows files the way {@code tail -F} does: each {@link #poll} reads what was appended to every file since the last
 * one and hands each complete line to a sink, as an event of the {@code lines} format (a JSON line's timestamp from its
 * {@code timestamp} or {@code eventTime} field). A file that does not exist yet is read from its start when it appears;
 * one that is truncated is read again from its start; one that is replaced (rotated: a new file under the same name)
 * is read to its end, then the new one from its start; one that is deleted is read to its end, reported, and followed
 * again when it reappears. Each of these is told to the notice consumer in a line of plain words.
 *
 * <p>A line longer than the event size limit is skipped without being held (counted as oversized); a line not valid
 * UTF-8 is counted and delivered as decoded; blank lines are not events; a final CR is dropped. A line is delivered only
 * once its newline is there, except the last line of a file that is deleted or rotated away. A gzipped file is
 * reported and not followed (its appended bytes are not lines).
 *
 * <p>Not thread-safe: one thread polls.
 */
public final class FileFollower {

    private static final int CHUNK = 64 * 1024;

    private final List<Followed> files = new ArrayList<>();
    private final int maxEventBytes;
    private final BadEvents bad;
    private final Consumer<String> notices;
    private final List<String> errors = new ArrayList<>();
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private boolean firstPoll = true;

    /**
     * A follower of these files.
     *
     * @param fromStart     whether files that exist at the first poll are read from their start (otherwise only what
     *                      is appended from then on is read; files that appear later are always read from their
     *                      start)
     * @param maxEventBytes the largest event; longer lines are skipped and counted
     * @param bad           where bad events are counted
     * @param notices       told, in a line of plain words, when a file appears, is rotated, truncated or deleted
     */
    public FileFollower(List<Path> paths, boolean fromStart, int maxEventBytes, BadEvents bad,
                        Consumer<String> notices) {
        for (Path p : paths) {
            files.add(new Followed(p, fromStart));
        }
        this.maxEventBytes = maxEventBytes;
        this.bad = Objects.requireNonNull(bad, "bad");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /**
     * Reads what is new in every file and hands each complete line to the sink.
     *
     * @return false if the sink asked to stop
     * @throws UncheckedIOException if the sink failed
     */
    public boolean poll(EventSink sink) {
        try {
            for (Followed f : files) {
                if (!f.poll(sink)) {
                    return false;
                }
            }
            return true;
        } finally {
            firstPoll = false;
        }
    }

    /** How many of the files are open now. */
    public int open() {
        int n = 0;
        for (Followed f : files) {
            if (f.channel != null) {
                n++;
            }
        }
        return n;
    }

    /** One message per file that could not be read (permission denied, a directory, an I/O error). */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Closes every open file. */
    public void close() {
        for (Followed f : files) {
            f.close();
        }
    }

    /** Thrown through a file's poll when the sink fails, so that its error is not taken for the file's. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(IOException cause) {
            super(cause);
        }
    }

    private final class Followed {
        final Path path;
        final String name;
        final boolean fromStart;
        final Event event;
        FileChannel channel;
        Object key;
        long position;
        byte[] line = new byte[256];
        int length;
        boolean skipping;
        long lineNumber;
        boolean missingTold;
        boolean failed;
        boolean atStart;
        boolean ignored;

        Followed(Path path, boolean fromStart) {
            this.path = path;
            this.name = path.toString();
            this.fromStart = fromStart;
            this.event = new Event(name);
        }

        boolean poll(EventSink sink) {
            if (ignored) {
                return true;
            }
            try {
                if (channel == null && !openIfThere()) {
                    return true;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    boolean go = drain(sink, true);
                    close();
                    notices.accept(name + " was deleted; following it again when it reappears");
                    missingTold = true;
                    return go;
                }
                Object now = attributes.fileKey();
                if (key != null && now != null && !key.equals(now)) {
                    boolean go = drain(sink, true);
                    close();
                    notices.accept(name + " was rotated (a new file has its name); reading the new one from its"
                            + " start");
                    return go && (!openIfThere() || drain(sink, false));
                }
                if (channel.size() < position) {
                    notices.accept(name + " was truncated; reading it from its start");
                    position = 0;
                    length = 0;
                    skipping = false;
                    lineNumber = 0;
                    atStart = true;
                }
                return drain(sink, false);
            } catch (SinkFailure e) {
                throw new UncheckedIOException((IOException) e.getCause());
            } catch (IOException e) {
                if (!failed) {
                    errors.add("error reading '" + name + "': " + describe(e));
                    notices.accept("cannot read " + name + ": " + describe(e) + "; trying again");
                    failed = true;
                }
                close();
                return true;
            }
        }

        /** Opens the file if it exists; false if it does not (told once). */
        private boolean openIfThere() throws IOException {
            if (Files.isDirectory(path)) {
                throw new IOException("is a directory");
            }
            FileChannel c;
            try {
                c = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                if (!missingTold) {
                    notices.accept(name + " does not exist" + (firstPoll ? " yet" : "") + "; following it when it"
                            + " appears");
                    missingTold = true;
                }
                return false;
            }
            channel = c;
            key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            boolean existedAtStart = firstPoll;
            position = existedAtStart && !fromStart ? c.size() : 0;
            atStart = position == 0;
            length = 0;
            skipping = false;
            lineNumber = 0;
            if (missingTold) {
                notices.accept(name + " appeared; reading it from its start");
                missingTold = false;
            }
            if (failed) {
                notices.accept(name + " can be read again");
                failed = false;
            }
            return true;
        }

        /** Reads to the end of the file; with {@code final}, a last line without a newline is delivered too. */
        private boolean drain(EventSink sink, boolean last) throws IOException {
            while (true) {
                chunk.clear();
                int n = channel.read(chunk, position);
                if (n <= 0) {
                    break;
                }
                int from = 0;
                if (atStart) {
                    atStart = false;
                    if (n >= 2 && (chunk.get(0) & 0xFF) == 0x1f && (chunk.get(1) & 0xFF) == 0x8b) {
                        notices.accept(name + " is gzipped: watch follows plain-text lines (use --no-follow to read"
                                + " it once)");
                        errors.add("cannot follow '" + name + "': it is gzipped");
                        ignored = true;
                        close();
                        return true;
                    }
                    if (n >= 3 && (chunk.get(0) & 0xFF) == 0xEF && (chunk.get(1) & 0xFF) == 0xBB
                            && (chunk.get(2) & 0xFF) == 0xBF) {
                        from = 3;
                    }
                }
                position += n;
                if (!split(chunk.array(), from, n, sink)) {
                    return false;
                }
            }
            if (last && (length > 0 || skipping)) {
                return deliver(line, 0, length, sink);
            }
            return true;
        }

        private boolean split(byte[] b, int from, int to, EventSink sink) {
            int start = from;
            while (start < to) {
                int nl = Bytes.indexOf(b, start, to, (byte) '\n');
                int end = nl < 0 ? to : nl;
                if (length == 0 && !skipping && nl >= 0) {
                    if (!deliver(b, start, end, sink)) {
                        return false;
                    }
                } else {
                    append(b, start, end);
                    if (nl >= 0 && !deliver(line, 0, length, sink)) {
                        return false;
                    }
                }
                start = nl < 0 ? to : nl + 1;
            }
            return true;
        }

        private void append(byte[] b, int from, int to) {
            if (skipping) {
                return;
            }
            int n = to - from;
            if ((long) length + n > maxEventBytes + 1L) {
                skipping = true;
                length = 0;
                return;
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(length + n, Math.min(maxEventBytes + 1, line.length * 2)));
            }
            System.arraycopy(b, from, line, length, n);
            length += n;
        }

        /** Delivers one line (without its newline) and resets the line state. */
        private boolean deliver(byte[] b, int from, int to, EventSink sink) {
            lineNumber++;
            boolean wasSkipping = skipping;
            skipping = false;
            length = 0;
            if (to > from && b[to - 1] == '\r') {
                to--;
            }
            if (wasSkipping || to - from > maxEventBytes) {
                bad.add(BadEvents.Kind.OVERSIZED, name, lineNumber, null);
                return true;
            }
            if (to == from) {
                return true;
            }
            if (!Bytes.isValidUtf8(b, from, to)) {
                bad.add(BadEvents.Kind.INVALID_UTF8, name, lineNumber, null);
            }
            event.setLazy(b, from, to - from, lineNumber, Timestamps::jsonField);
            try {
                return sink.accept(event);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Closing a file opened for reading loses nothing.
                }
                channel = null;
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
