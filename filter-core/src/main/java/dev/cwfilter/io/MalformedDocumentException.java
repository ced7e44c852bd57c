package dev.cwfilter.io;

import java.io.IOException;

/**
 * A CloudTrail log file that does not have the shape CloudTrail writes: truncated (it ends inside a record, or before
 * its {@code Records} array is closed), or with bytes where JSON's structure does not allow them. The message says
 * where in terms a person can find: the document, the record index and the byte offset, such as {@code document 1,
 * record 57 (byte 112893): the input ends inside the record (truncated?); the 57 records before it were read}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MalformedDocumentException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long document;
    private final long record;
    private final long byteOffset;

    /**
     * An exception about a place in a document.
     *
     * @param document   the 1-based index of the document in the input (CloudTrail files may be concatenated)
     * @param record     the 1-based index of the record within its document where the problem is; 0 if the problem
     *                   is outside the {@code Records} array
     * @param byteOffset the offset in the (decompressed) input where the problem was found
     * @param problem    what is wrong, in plain words
     */
    public MalformedDocumentException(long document, long record, long byteOffset, String problem) {
        super("document " + document + (record > 0 ? ", record " + record : "") + " (byte " + byteOffset + "): "
                + problem);
        this.document = document;
        this.record = record;
        this.byteOffset = byteOffset;
    }

    /** The 1-based index of the document in the input. */
    public long document() {
        return document;
    }

    /** The 1-based index of the record within its document, or 0 if the problem is outside the records. */
    public long record() {
        return record;
    }

    /** The offset, in bytes of the decompressed input, where the problem was found. */
    public long byteOffset() {
        return byteOffset;
    }
}
