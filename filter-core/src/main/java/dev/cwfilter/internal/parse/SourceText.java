package dev.cwfilter.internal.parse;

import dev.cwfilter.ast.SourceSpan;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The pattern text and the conversion from ANTLR's code-point indexes to the UTF-16 offsets of Java strings (they
 * differ only after a character outside the Basic Multilingual Plane).
 */
final class SourceText {

    private final String text;
    private final int[] utf16Offsets;

    SourceText(String text) {
        this.text = text;
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            utf16Offsets = null;
        } else {
            utf16Offsets = new int[codePoints + 1];
            int offset = 0;
            for (int i = 0; i < codePoints; i++) {
                utf16Offsets[i] = offset;
                offset += Character.charCount(text.codePointAt(offset));
            }
            utf16Offsets[codePoints] = offset;
        }
    }

    String text() {
        return text;
    }

    /** The UTF-16 offset of a code-point index. */
    int offset(int codePointIndex) {
        if (utf16Offsets == null) {
            return Math.min(codePointIndex, text.length());
        }
        return utf16Offsets[Math.min(codePointIndex, utf16Offsets.length - 1)];
    }

    /** The UTF-16 offset where a token starts. */
    int start(Token token) {
        return token.getType() == Token.EOF ? text.length() : offset(token.getStartIndex());
    }

    /** The UTF-16 offset just past a token. */
    int end(Token token) {
        return token.getType() == Token.EOF ? text.length() : offset(token.getStopIndex() + 1);
    }

    /** Where a token was written, in UTF-16 offsets. */
    SourceSpan span(Token token) {
        return new SourceSpan(start(token), end(token));
    }

    /** Where a rule was written, from its first token's start to its last token's end, in UTF-16 offsets. */
    SourceSpan span(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null ? ctx.getStart() : ctx.getStop();
        int start = start(ctx.getStart());
        return new SourceSpan(start, Math.max(start, end(stop)));
    }
}
