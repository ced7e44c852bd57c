package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    private static final Gen<ReferenceGenerators.Case> CASES = ReferenceGenerators.anyCases();
    private static final Gen<byte[]> INVALID_SEQUENCES = Gen.elements(INVALID);

    /** The case's event between {@code before} and {@code after} bytes of padding. */
    private record Padded(ReferenceGenerators.Case c, int before, int after) {
    }

    @Test
    void bytesAndStringAgree() {
        Gen<Padded> padded = random -> new Padded(CASES.generate(random), Gen.integers(0, 3).generate(random),
                Gen.integers(0, 3).generate(random));
        PropCheck.tries(2000).forAll(padded, p -> {
            ReferenceGenerators.Case c = p.c();
            FilterPattern pattern = FilterPattern.compile(PatternPrinter.print(c.pattern()));
            byte[] utf8 = c.event().getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[p.before() + utf8.length + p.after()];
            java.util.Arrays.fill(bytes, (byte) '{');
            System.arraycopy(utf8, 0, bytes, p.before(), utf8.length);
            assertThat(pattern.matches(bytes, p.before(), utf8.length))
                    .as("%s: bytes %s", c, HexFormat.ofDelimiter(" ").formatHex(utf8))
                    .isEqualTo(pattern.matches(c.event()));
        });
    }

    @Test
    void bytesAndStringAgreeOnInvalidUtf8() {
        PropCheck.tries(2000).forAll(CASES, INVALID_SEQUENCES, Gen.integers(0, 1000), (c, invalid, where) -> {
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
        });
    }

    @Test
    void bytesAndStringAgreeNearTheSizeLimit() {
        PropCheck.tries(500).forAll(CASES, INVALID_SEQUENCES, Gen.integers(-2, 2), (c, invalid, slack) -> {
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
        });
    }
}
