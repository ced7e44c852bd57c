package dev.cwfilter.internal.eval.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * jackson-core's UTF-8 parser, reset onto each new event instead of being created for it, and skipping the subtrees
 * no selector reaches with {@link JsonSkipper}.
 *
 * <p>Creating a jackson-core parser allocates about 800 bytes (the parser, its I/O context, text buffer, root context
 * and symbol table); one reused parser per thread and pattern makes evaluation allocation-free. {@link #reset} puts
 * back every field jackson-core sets up for a new document. The parser only ever reads a byte array it is given, so
 * it never loads input, never recycles the caller's array and is never closed.
 *
 * <p>{@link #skipChildren()} first tries {@link JsonSkipper}'s strict scan; when it is unsure it falls back to
 * jackson-core itself, from the same position, so the verdict is always jackson-core's.
 *
 * <p>Not thread-safe: each thread owns its parser (see {@link JsonState}).
 */
final class ReusableJsonParser extends UTF8StreamJsonParser {

    /** A parser whose symbol table has grown past this many names is replaced, so its memory stays bounded. */
    private static final int MAX_RETAINED_NAMES = 1000;
    private static final byte[] EMPTY = new byte[0];

    private final JsonReadContext rootContext;
    private final int maxNestingDepth;

    ReusableJsonParser(IOContext context, int features, ByteQuadsCanonicalizer symbols) {
        super(context, features, null, null, symbols, EMPTY, 0, 0, 0, false);
        this.rootContext = _parsingContext;
        this.maxNestingDepth = _streamReadConstraints.getMaxNestingDepth();
    }

    /** Whether this parser has cached so many names that it should be dropped for a fresh one. */
    boolean worn() {
        return _symbols.size() > MAX_RETAINED_NAMES;
    }

    /** Makes this parser read {@code utf8[start, end)} as a new document. */
    ReusableJsonParser reset(byte[] utf8, int start, int end) {
        _inputBuffer = utf8;
        _inputPtr = start;
        _inputEnd = end;
        _currInputProcessed = -start;
        _currInputRow = 1;
        _currInputRowStart = start;
        _tokenInputTotal = 0;
        _tokenInputRow = 1;
        _tokenInputCol = 0;
        rootContext.reset(JsonStreamContext.TYPE_ROOT, 1, 0);
        _parsingContext = rootContext;
        _currToken = null;
        _lastClearedToken = null;
        _nextToken = null;
        _tokenCount = 0;
        _tokenIncomplete = false;
        _nameCopied = false;
        _binaryValue = null;
        _numTypesValid = NR_UNKNOWN;
        _closed = false;
        _textBuffer.resetWithEmpty();
        return this;
    }

    /** Skips the current object or array: by the strict scan if it is sure, else by jackson-core's own tokens. */
    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken t = _currToken;
        if ((t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) || _trackMaxTokenCount) {
            return super.skipChildren();
        }
        boolean object = t == JsonToken.START_OBJECT;
        int end = JsonSkipper.skipContainer(_inputBuffer, _inputPtr, _inputEnd, object,
                maxNestingDepth - _parsingContext.getNestingDepth());
        if (end == JsonSkipper.UNSURE) {
            return super.skipChildren();
        }
        _inputPtr = end;
        _parsingContext = _parsingContext.clearAndGetParent();
        _currToken = object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        return this;
    }
}
