package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.PatternPrinter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code matches(String)} and {@code matches(byte[], offset, length)} give the same answer: for the UTF-8 encoding of
 * the string (non-ASCII text included), read from the middle of a larger array; and, for bytes that are not valid
 * UTF-8, the answer of the text they decode to.
 */
class BytesAndStringProperties {

    /** Byte sequences that are not UTF-8: stray continuation, truncated, overlong, surrogate, beyond U+10FFFF. */
    private static final List<byte[]> INVALID = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                    (byte) 0x80}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98});

    @Provide
    Arbitrary<ReferenceArbitraries.Case> cases() {
        return ReferenceArbitraries.anyCases();
    }

    @Provide
    Arbitrary<byte[]> invalidSequences() {
        return Arbitraries.of(INVALID);
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void bytesAndStringAgree(@ForAll("cases") ReferenceArbitraries.Case c,
                             @ForAll @IntRange(max = 3) int before, @ForAll @IntRange(max = 3) int after) {
        FilterPattern pattern = FilterPattern.compile(PatternPrinter.print(c.pattern()));
        byte[] utf8 = c.event().getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[before + utf8.length + after];
        java.util.Arrays.fill(padded, (byte) '{');
        System.arraycopy(utf8, 0, padded, before, utf8.length);
        assertThat(pattern.matches(padded, before, utf8.length))
                .as("%s: bytes %s", c, HexFormat.ofDelimiter(" ").formatHex(utf8))
                .isEqualTo(pattern.matches(c.event()));
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void bytesAndStringAgreeOnInvalidUtf8(@ForAll("cases") ReferenceArbitraries.Case c,
                                          @ForAll("invalidSequences") byte[] invalid,
                                          @ForAll @IntRange(max = 1000) int where) {
        byte[] utf8 = c.event().getBytes(StandardCharsets.UTF_8);
        int at = utf8.length == 0 ? 0 : where % (utf8.length + 1);
        byte[] bytes = new byte[utf8.length + invalid.length];
        System.arraycopy(utf8, 0, bytes, 0, at);
        System.arraycopy(invalid, 0, bytes, at, invalid.length);
        System.arraycopy(utf8, at, bytes, at + invalid.length, utf8.length - at);
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        FilterPattern pattern = FilterPattern.compile(PatternPrinter.print(c.pattern()));
        assertThat(pattern.matches(bytes, 0, bytes.length))
                .as("%s%nbytes %s%ndecoded %s", PatternPrinter.print(c.pattern()),
                        HexFormat.ofDelimiter(" ").formatHex(bytes), Show.quoted(decoded))
                .isEqualTo(pattern.matches(decoded));
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void bytesAndStringAgreeNearTheSizeLimit(@ForAll("cases") ReferenceArbitraries.Case c,
                                             @ForAll("invalidSequences") byte[] invalid,
                                             @ForAll @IntRange(min = -2, max = 2) int slack) {
        byte[] utf8 = c.event().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[utf8.length + invalid.length];
        System.arraycopy(utf8, 0, bytes, 0, utf8.length);
        System.arraycopy(invalid, 0, bytes, utf8.length, invalid.length);
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        int limit = Math.max(1, decoded.getBytes(StandardCharsets.UTF_8).length + slack);
        FilterOptions options = FilterOptions.builder().maxEventBytes(limit).build();
        FilterPattern pattern = FilterPattern.compile(PatternPrinter.print(c.pattern()), options);
        assertThat(pattern.matches(bytes, 0, bytes.length))
                .as("%s with maxEventBytes %d%nbytes %s%ndecoded %s", PatternPrinter.print(c.pattern()), limit,
                        HexFormat.ofDelimiter(" ").formatHex(bytes), Show.quoted(decoded))
                .isEqualTo(pattern.matches(decoded));
    }
}
