package dev.cwfilter.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.FilterPattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every baseline answers what cwfilter answers, event by event, on the benchmark corpus at both hit rates, so each
 * benchmark compares equal work; each answer is the one the corpus was generated to give; the scans that only look
 * for a literal also find exactly the near-misses; and each family's pattern matches its share of the events.
 */
class BaselinesTest {

    private static final Map<Double, Corpus> CLOUD_TRAIL = new ConcurrentHashMap<>();

    private static Corpus cloudTrail(double rate) {
        return CLOUD_TRAIL.computeIfAbsent(rate, Corpus::cloudTrail);
    }

    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void seedEquality(double rate) {
        Corpus corpus = cloudTrail(rate);
        Evaluators e = cwfilter(corpus, Family.SEED_EQUALITY);
        e.bytes("hand-written jackson-core", SeedEqualityBenchmark.HAND_WRITTEN::first);
        e.bytes("hand-written jackson-core, read to the end", SeedEqualityBenchmark.HAND_WRITTEN::last);
        e.bytes("databind tree", SeedEqualityBenchmark::databind);
        e.assertEachAnswersAsGenerated();
        e.assertLiteralScanFindsHitsAndNearMisses("raw byte scan", SeedEqualityBenchmark.RAW_SCAN);
    }

    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void term(double rate) {
        Corpus corpus = cloudTrail(rate);
        Evaluators e = cwfilter(corpus, Family.TERM);
        e.bytes("raw byte scan", TermBenchmark.RAW_SCAN);
        e.strings("String.contains", TermBenchmark::contains);
        e.assertEachAnswersAsGenerated();
        for (int i = 0; i < corpus.size(); i++) {
            assertThat(corpus.isHit(Family.TERM, i)).as("event %d", i).isEqualTo(
                    corpus.isHit(Family.SEED_EQUALITY, i) || corpus.isNearMiss(Family.SEED_EQUALITY, i));
        }
    }

    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void numeric(double rate) {
        Corpus corpus = cloudTrail(rate);
        Evaluators e = cwfilter(corpus, Family.NUMERIC);
        e.bytes("hand-written jackson-core", NumericBenchmark.HAND_WRITTEN::first);
        e.bytes("hand-written jackson-core, read to the end", NumericBenchmark.HAND_WRITTEN::last);
        e.bytes("databind tree", NumericBenchmark::databind);
        e.assertEachAnswersAsGenerated();
        List<String> texts = corpus.texts();
        for (int i = 0; i < corpus.size(); i++) {
            assertThat(texts.get(i)).as("event %d", i).contains("\"latency\":");
            if (corpus.isNearMiss(Family.NUMERIC, i)) {
                assertThat(texts.get(i)).containsPattern("\"latency\":4000(\\.0)?,");
            }
        }
    }

    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void wildcard(double rate) {
        Corpus corpus = cloudTrail(rate);
        Evaluators e = cwfilter(corpus, Family.WILDCARD);
        e.bytes("hand-written jackson-core", WildcardBenchmark.HAND_WRITTEN::first);
        e.bytes("hand-written jackson-core, read to the end", WildcardBenchmark.HAND_WRITTEN::last);
        e.bytes("databind tree", WildcardBenchmark::databind);
        e.assertEachAnswersAsGenerated();
        e.assertLiteralScanFindsHitsAndNearMisses("raw byte scan", WildcardBenchmark.RAW_SCAN);
    }

    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void compound(double rate) {
        Corpus corpus = cloudTrail(rate);
        Evaluators e = cwfilter(corpus, Family.COMPOUND);
        e.bytes("hand-written jackson-core", CompoundBenchmark.HAND_WRITTEN::first);
        e.bytes("hand-written jackson-core, read to the end", CompoundBenchmark.HAND_WRITTEN::last);
        e.bytes("databind tree", CompoundBenchmark::databind);
        e.assertEachAnswersAsGenerated();
        // Near-misses are privileged identities with MFA: each half of the || is exercised by hits and misses alike.
        int rootHits = 0;
        int breakGlassHits = 0;
        int privilegedMisses = 0;
        for (int i = 0; i < corpus.size(); i++) {
            String t = corpus.texts().get(i);
            boolean privileged = t.contains("\"type\":\"Root\"") || t.contains("\"userName\":\"BreakGlassAdmin\"");
            if (corpus.isHit(Family.COMPOUND, i)) {
                rootHits += t.contains("\"type\":\"Root\"") ? 1 : 0;
                breakGlassHits += t.contains("\"userName\":\"BreakGlassAdmin\"") ? 1 : 0;
            } else if (privileged) {
                privilegedMisses++;
                assertThat(corpus.isNearMiss(Family.COMPOUND, i)).as("event %d", i).isTrue();
            }
        }
        assertThat(rootHits).isPositive();
        assertThat(breakGlassHits).isPositive();
        assertThat(rootHits + breakGlassHits).isEqualTo(corpus.hitCount(Family.COMPOUND));
        assertThat(privilegedMisses).isEqualTo(corpus.nearMissCount(Family.COMPOUND));
    }

    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void arraySelector(double rate) {
        Corpus corpus = cloudTrail(rate);
        Evaluators e = cwfilter(corpus, Family.ARRAY);
        e.bytes("hand-written jackson-core", ArraySelectorBenchmark.HAND_WRITTEN::first);
        e.bytes("hand-written jackson-core, read to the end", ArraySelectorBenchmark.HAND_WRITTEN::last);
        e.bytes("databind tree", ArraySelectorBenchmark::databind);
        e.assertEachAnswersAsGenerated();
        e.assertLiteralScanFindsHitsAndNearMisses("raw byte scan", ArraySelectorBenchmark.RAW_SCAN);
        // The watched key is not always the first resource: [*] must look past the first element.
        long notFirst = corpus.texts().stream()
                .filter(t -> t.contains("\"resources\":[{") && !t.contains("\"resources\":[{\"accountId\":"
                        + "\"123456789012\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"" + Corpus.WATCHED_KEY_ARN))
                .filter(t -> t.contains("\"ARN\":\"" + Corpus.WATCHED_KEY_ARN))
                .count();
        assertThat(notFirst).isPositive();
    }

    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void regex(double rate) {
        Corpus corpus = cloudTrail(rate);
        Evaluators e = cwfilter(corpus, Family.REGEX);
        e.bytes("hand-written jackson-core", RegexBenchmark.HAND_WRITTEN::first);
        e.bytes("hand-written jackson-core, read to the end", RegexBenchmark.HAND_WRITTEN::last);
        e.bytes("databind tree", RegexBenchmark::databind);
        e.assertEachAnswersAsGenerated();
        e.assertLiteralScanFindsHitsAndNearMisses("java.util.regex over the text",
                b -> RegexBenchmark.regexOverText(new String(b, StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void delimited(double rate) {
        Corpus corpus = Corpus.accessLog(rate);
        Evaluators e = cwfilter(corpus, Family.DELIMITED);
        e.bytes("hand-written splitter over bytes", DelimitedBenchmark::handWritten);
        e.strings("hand-written splitter over String", DelimitedBenchmark::handWritten);
        e.assertEachAnswersAsGenerated();
        assertThat(corpus.hitCount(Family.DELIMITED)).isEqualTo((int) Math.round(rate * Corpus.EVENTS));
    }

    /**
     * The measured hit rate of each family is the parameter: exactly, since the generator chooses
     * {@code round(rate × size)} events, except for the term, which also matches the seed's near-misses (one per ten
     * hits).
     */
    @ParameterizedTest(name = "hit rate {0}")
    @ValueSource(doubles = {0.02, 0.5})
    void eachFamilyMatchesItsShareOfTheEvents(double rate) {
        Corpus corpus = cloudTrail(rate);
        byte[][] events = corpus.utf8();
        for (Family family : Family.values()) {
            Corpus c = family == Family.DELIMITED ? Corpus.accessLog(rate) : corpus;
            byte[][] texts = family == Family.DELIMITED ? c.utf8() : events;
            double measured = (double) Corpus.countMatches(FilterPattern.compile(family.pattern()), texts) / c.size();
            double tolerance = family == Family.TERM ? rate * 0.11 : rate * 0.01;
            assertThat(measured).as(family.label()).isCloseTo(rate, within(tolerance));
            if (family != Family.TERM && family != Family.DELIMITED) {
                assertThat(c.nearMissCount(family)).as(family.label() + " near-misses")
                        .isEqualTo(Math.round(rate * Corpus.EVENTS / Corpus.HITS_PER_NEAR_MISS));
            }
        }
    }

    /**
     * On events that repeat keys, the hand-written matcher read to the end answers as cwfilter (the last occurrence
     * decides, at the top level and inside the field's value), and the one that stops at the first occurrence does
     * not: each event is the members of one corpus event followed by those of another, one a hit and one not, in
     * both orders; and, where the field's value is an object, one event whose value holds the members of both values.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Family.class, names = {"SEED_EQUALITY", "NUMERIC", "WILDCARD", "COMPOUND", "ARRAY", "REGEX"})
    void handWrittenReadToTheEndLetsTheLastDuplicateKeyDecide(Family family) {
        Baselines.HandWritten handWritten = switch (family) {
            case SEED_EQUALITY -> SeedEqualityBenchmark.HAND_WRITTEN;
            case NUMERIC -> NumericBenchmark.HAND_WRITTEN;
            case WILDCARD -> WildcardBenchmark.HAND_WRITTEN;
            case COMPOUND -> CompoundBenchmark.HAND_WRITTEN;
            case ARRAY -> ArraySelectorBenchmark.HAND_WRITTEN;
            default -> RegexBenchmark.HAND_WRITTEN;
        };
        Corpus corpus = cloudTrail(0.5);
        FilterPattern pattern = FilterPattern.compile(family.pattern());
        List<String> hits = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < corpus.size() && (hits.size() < 40 || misses.size() < 40); i++) {
            (corpus.isHit(family, i) ? hits : misses).add(corpus.texts().get(i));
        }
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(joinMembers(hits.get(i), misses.get(i)));
            events.add(joinMembers(misses.get(i), hits.get(i)));
            events.add(joinValues(hits.get(i), misses.get(i), handWritten.field()));
            events.add(joinValues(misses.get(i), hits.get(i), handWritten.field()));
        }
        int firstDiffers = 0;
        for (String event : events) {
            byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
            boolean cloudWatch = pattern.matches(utf8, 0, utf8.length);
            assertThat(handWritten.last(utf8)).as("%s: %s", family.pattern(), event).isEqualTo(cloudWatch);
            firstDiffers += handWritten.first(utf8) != cloudWatch ? 1 : 0;
        }
        assertThat(firstDiffers).as("events the first occurrence decides wrongly").isPositive();
    }

    /**
     * Event {@code a} with the top-level field's value replaced by the members of its value in {@code a} followed by
     * those of its value in {@code b}, where both are objects; otherwise {@code a} as it is.
     */
    private static String joinValues(String a, String b, String field) {
        int[] inA = objectValue(a, field);
        int[] inB = objectValue(b, field);
        if (inA == null || inB == null) {
            return a;
        }
        String joined = joinMembers(a.substring(inA[0], inA[1]), b.substring(inB[0], inB[1]));
        return a.substring(0, inA[0]) + joined + a.substring(inA[1]);
    }

    /** Where the first top-level occurrence of the field has an object value: its start and end offsets, or null. */
    private static int[] objectValue(String json, String field) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field)) {
                    if (value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    return new int[] {start, (int) p.currentLocation().getCharOffset()};
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON object holding the members of {@code a} and then those of {@code b}. */
    private static String joinMembers(String a, String b) {
        return a.substring(0, a.lastIndexOf('}')) + "," + b.substring(b.indexOf('{') + 1);
    }

    private static Evaluators cwfilter(Corpus corpus, Family family) {
        Evaluators e = new Evaluators(corpus, family);
        FilterPattern pattern = FilterPattern.compile(family.pattern());
        e.bytes("cwfilter over bytes", b -> pattern.matches(b, 0, b.length));
        e.strings("cwfilter over String", pattern::matches);
        return e;
    }

    /** Named answers to one family's question, each checked event by event against the generator's. */
    private static final class Evaluators {

        private final Corpus corpus;
        private final Family family;
        private final byte[][] utf8;
        private final Map<String, IntPredicate> answers = new LinkedHashMap<>();

        Evaluators(Corpus corpus, Family family) {
            this.corpus = corpus;
            this.family = family;
            this.utf8 = corpus.utf8();
        }

        void bytes(String name, Predicate<byte[]> test) {
            answers.put(name, i -> test.test(utf8[i]));
        }

        void strings(String name, Predicate<String> test) {
            answers.put(name, i -> test.test(corpus.texts().get(i)));
        }

        void assertEachAnswersAsGenerated() {
            assertThat(corpus.hitCount(family)).isPositive();
            for (Map.Entry<String, IntPredicate> a : answers.entrySet()) {
                assertAgree(a.getKey(), a.getValue(), i -> corpus.isHit(family, i));
            }
        }

        void assertLiteralScanFindsHitsAndNearMisses(String name, Predicate<byte[]> scan) {
            assertThat(corpus.nearMissCount(family)).isPositive();
            assertAgree(name, i -> scan.test(utf8[i]), i -> corpus.isHit(family, i) || corpus.isNearMiss(family, i));
        }

        private void assertAgree(String name, IntPredicate answer, IntPredicate expected) {
            List<String> disagreements = new ArrayList<>();
            for (int i = 0; i < corpus.size() && disagreements.size() < 3; i++) {
                boolean want = expected.test(i);
                if (answer.test(i) != want) {
                    disagreements.add("event " + i + " should " + (want ? "" : "not ") + "match: "
                            + corpus.texts().get(i));
                }
            }
            assertThat(disagreements).as("%s: %s", family.pattern(), name).isEmpty();
        }
    }
}
