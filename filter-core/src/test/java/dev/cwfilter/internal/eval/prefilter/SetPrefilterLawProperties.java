package dev.cwfilter.internal.eval.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.internal.eval.prefilter.SetPrefilter.Kind;
import dev.cwfilter.internal.eval.prefilter.SetPrefilter.Literal;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prefilter's answer against the definition, byte for byte: a pattern survives an event if each of its clauses has
 * a literal whose bytes ({@code "text"}, {@code "text}, {@code text"} for the quoted kinds) are in the event's range,
 * or if it is a JSON pattern and the range holds a backslash. Every such pattern survives, and, where each of its
 * literals has four bytes or more (shorter ones may count as present without being looked for), no other does. The
 * events are made of the literals' bytes and of bytes around them (quotes, backslashes, characters of two and three
 * bytes), at every offset of the range and of the array it lies in, so that a literal meets the sampled offsets, the
 * eight-byte reads and either end of the range in every alignment.
 */
class SetPrefilterLawProperties {

    /** Quoted literals hold no quote, backslash or control character; free ones may hold anything. */
    static final Gen<Literal> LITERALS = Gen.frequency(
            Gen.weighted(3, Gen.zip(Gen.elements(Kind.EXACT, Kind.PREFIX, Kind.SUFFIX), Gen.strings("ab\u00e9\u20ac ", 0, 8),
                    Literal::new)),
            Gen.weighted(2, Gen.strings("ab\"\\:\u00e9\u20ac", 1, 9).map(t -> new Literal(Kind.FREE, t))));

    /** A pattern: up to three clauses of one to three literals, JSON or not. */
    record Pattern(List<List<Literal>> clauses, boolean json) {
    }

    static final Gen<Pattern> PATTERNS = Gen.zip(Gen.listOf(Gen.listOf(LITERALS, 1, 3), 0, 3), Gen.booleans(),
            Pattern::new);

    static byte[] searched(Literal l) {
        String text = switch (l.kind()) {
            case EXACT -> "\"" + l.text() + "\"";
            case PREFIX -> "\"" + l.text();
            case SUFFIX -> l.text() + "\"";
            case FREE -> l.text();
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static boolean holds(byte[] b, int from, int end, byte[] needle) {
        for (int i = from; i + needle.length <= end; i++) {
            if (java.util.Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** The definition: whether the pattern may match {@code b[from, end)}. */
    static boolean mayMatch(Pattern p, byte[] b, int from, int end) {
        if (p.json() && !p.clauses().isEmpty()) {
            for (int i = from; i < end; i++) {
                if (b[i] == '\\') {
                    return true;
                }
            }
        }
        return p.clauses().stream().allMatch(c -> c.stream().anyMatch(l -> holds(b, from, end, searched(l))));
    }

    static final String AROUND = "ab\"\\: x\u00e9\u20ac";

    @Test
    void survivorsAreExactlyThePatternsWhoseLiteralsThereAre() {
        PropCheck.tries(3000).forAll(Gen.listOf(PATTERNS, 1, 8), Gen.listOf(Gen.frequency(
                Gen.weighted(1, Gen.strings(AROUND, 0, 6).map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Gen.weighted(1, LITERALS.map(SetPrefilterLawProperties::searched))), 0, 8),
                Gen.zip(Gen.strings(AROUND, 0, 9), Gen.strings(AROUND, 0, 9), (x, y) -> new String[] {x, y}),
                (patterns, parts, edges) -> {
                    SetPrefilter.Builder builder = SetPrefilter.builder();
                    for (Pattern p : patterns) {
                        builder.pattern(p.clauses(), p.json());
                    }
                    SetPrefilter prefilter = builder.build();
                    PropCheck.assume(prefilter != null);
                    byte[] before = edges[0].getBytes(StandardCharsets.UTF_8);
                    byte[] after = edges[1].getBytes(StandardCharsets.UTF_8);
                    List<Byte> bytes = new ArrayList<>();
                    for (byte x : before) {
                        bytes.add(x);
                    }
                    for (byte[] part : parts) {
                        for (byte x : part) {
                            bytes.add(x);
                        }
                    }
                    int end = bytes.size();
                    for (byte x : after) {
                        bytes.add(x);
                    }
                    byte[] b = new byte[bytes.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = bytes.get(i);
                    }
                    SetPrefilter.Scratch s = prefilter.scratch();
                    // The event's range, and each of its suffixes and prefixes: every alignment of every literal.
                    for (int from = 0; from <= end; from++) {
                        for (int to : new int[] {end, Math.max(from, end - 1), b.length}) {
                            boolean any = prefilter.mayMatch(b, from, to - from, s);
                            boolean anySurvivor = false;
                            for (int i = 0; i < patterns.size(); i++) {
                                Pattern p = patterns.get(i);
                                boolean expected = mayMatch(p, b, from, to);
                                boolean survived = SetPrefilter.survived(i, s.survivors);
                                anySurvivor |= survived;
                                String where = "pattern " + i + " " + p + " on [" + from + ", " + to + ") of "
                                        + new String(b, StandardCharsets.UTF_8);
                                if (expected) {
                                    assertThat(survived).as(where).isTrue();
                                }
                                boolean long4 = p.clauses().stream().flatMap(List::stream)
                                        .allMatch(l -> searched(l).length >= 4);
                                if (long4) {
                                    assertThat(survived).as(where).isEqualTo(expected);
                                }
                            }
                            assertThat(any).isEqualTo(anySurvivor);
                        }
                    }
                });
    }
}
