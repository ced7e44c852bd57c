package dev.cwfilter.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark method, run once after its class's own setup, returns the count it claims: the cwfilter methods
 * and the baselines of a family count the same events, the literal scans also count the near-misses. (The corpus at
 * the suite's other hit rate is checked event by event in {@link BaselinesTest}.)
 */
class BenchmarkMethodsTest {

    private static final double RATE = 0.02;
    private static final Corpus CORPUS = Corpus.cloudTrail(RATE);

    private static int hits(Family family) {
        return CORPUS.hitCount(family);
    }

    private static int hitsAndNearMisses(Family family) {
        return CORPUS.hitCount(family) + CORPUS.nearMissCount(family);
    }

    private static <T extends CloudTrailBenchmark> T setUp(T benchmark) {
        benchmark.hitRate = RATE;
        benchmark.generateCorpus();
        return benchmark;
    }

    @Test
    void seedEquality() {
        SeedEqualityBenchmark b = setUp(new SeedEqualityBenchmark());
        b.compile();
        assertThat(b.cwfilterBytes()).isEqualTo(hits(Family.SEED_EQUALITY));
        assertThat(b.cwfilterString()).isEqualTo(hits(Family.SEED_EQUALITY));
        assertThat(b.baselineHandWrittenJackson()).isEqualTo(hits(Family.SEED_EQUALITY));
        assertThat(b.baselineHandWrittenJacksonToEnd()).isEqualTo(hits(Family.SEED_EQUALITY));
        assertThat(b.baselineDatabindTree()).isEqualTo(hits(Family.SEED_EQUALITY));
        assertThat(b.baselineRawByteScan()).isEqualTo(hitsAndNearMisses(Family.SEED_EQUALITY));
    }

    @Test
    void term() {
        TermBenchmark b = setUp(new TermBenchmark());
        b.compile();
        assertThat(b.cwfilterBytes()).isEqualTo(hits(Family.TERM));
        assertThat(b.cwfilterString()).isEqualTo(hits(Family.TERM));
        assertThat(b.baselineRawByteScan()).isEqualTo(hits(Family.TERM));
        assertThat(b.baselineStringContains()).isEqualTo(hits(Family.TERM));
    }

    @Test
    void numeric() {
        NumericBenchmark b = setUp(new NumericBenchmark());
        b.compile();
        assertThat(b.cwfilterBytes()).isEqualTo(hits(Family.NUMERIC));
        assertThat(b.baselineHandWrittenJackson()).isEqualTo(hits(Family.NUMERIC));
        assertThat(b.baselineHandWrittenJacksonToEnd()).isEqualTo(hits(Family.NUMERIC));
        assertThat(b.baselineDatabindTree()).isEqualTo(hits(Family.NUMERIC));
    }

    @Test
    void wildcard() {
        WildcardBenchmark b = setUp(new WildcardBenchmark());
        b.compile();
        assertThat(b.cwfilterBytes()).isEqualTo(hits(Family.WILDCARD));
        assertThat(b.baselineHandWrittenJackson()).isEqualTo(hits(Family.WILDCARD));
        assertThat(b.baselineHandWrittenJacksonToEnd()).isEqualTo(hits(Family.WILDCARD));
        assertThat(b.baselineDatabindTree()).isEqualTo(hits(Family.WILDCARD));
        assertThat(b.baselineRawByteScan()).isEqualTo(hitsAndNearMisses(Family.WILDCARD));
    }

    @Test
    void compound() {
        CompoundBenchmark b = setUp(new CompoundBenchmark());
        b.compile();
        assertThat(b.cwfilterBytes()).isEqualTo(hits(Family.COMPOUND));
        assertThat(b.baselineHandWrittenJackson()).isEqualTo(hits(Family.COMPOUND));
        assertThat(b.baselineHandWrittenJacksonToEnd()).isEqualTo(hits(Family.COMPOUND));
        assertThat(b.baselineDatabindTree()).isEqualTo(hits(Family.COMPOUND));
    }

    @Test
    void arraySelector() {
        ArraySelectorBenchmark b = setUp(new ArraySelectorBenchmark());
        b.compile();
        assertThat(b.cwfilterBytes()).isEqualTo(hits(Family.ARRAY));
        assertThat(b.baselineHandWrittenJackson()).isEqualTo(hits(Family.ARRAY));
        assertThat(b.baselineHandWrittenJacksonToEnd()).isEqualTo(hits(Family.ARRAY));
        assertThat(b.baselineDatabindTree()).isEqualTo(hits(Family.ARRAY));
        assertThat(b.baselineRawByteScan()).isEqualTo(hitsAndNearMisses(Family.ARRAY));
    }

    @Test
    void regex() {
        RegexBenchmark b = setUp(new RegexBenchmark());
        b.compile();
        assertThat(b.cwfilterBytes()).isEqualTo(hits(Family.REGEX));
        assertThat(b.cwfilterString()).isEqualTo(hits(Family.REGEX));
        assertThat(b.baselineHandWrittenJackson()).isEqualTo(hits(Family.REGEX));
        assertThat(b.baselineHandWrittenJacksonToEnd()).isEqualTo(hits(Family.REGEX));
        assertThat(b.baselineDatabindTree()).isEqualTo(hits(Family.REGEX));
        assertThat(b.baselineRegexOverText()).isEqualTo(hitsAndNearMisses(Family.REGEX));
    }

    @Test
    void delimited() {
        DelimitedBenchmark b = new DelimitedBenchmark();
        b.hitRate = RATE;
        b.setup();
        int expected = Corpus.accessLog(RATE).hitCount(Family.DELIMITED);
        assertThat(b.cwfilterBytes()).isEqualTo(expected);
        assertThat(b.cwfilterString()).isEqualTo(expected);
        assertThat(b.baselineHandWrittenBytes()).isEqualTo(expected);
        assertThat(b.baselineHandWrittenString()).isEqualTo(expected);
    }

    @Test
    void logGroupMethodsCountTheSameMatches() {
        LogGroupBenchmark b = new LogGroupBenchmark();
        b.setUp(); // checks the set, the patterns alone and event-ruler rule by rule
        int matches = b.patternSet();
        assertThat(matches).isPositive();
        assertThat(b.patternSetStrings()).isEqualTo(matches);
        assertThat(b.patternsOneByOne()).isEqualTo(matches);
        assertThat(b.eventRuler()).isEqualTo(matches);
        assertThat(b.oneFilterAlone()).isEqualTo(Corpus.cloudTrail(LogGroupBenchmark.HIT_RATE)
                .hitCount(Family.SEED_EQUALITY));
        assertThat(b.logGroup()).isPositive();
        assertThat(b.compile100().size()).isEqualTo(100);
        assertThat(LogGroupBenchmark.filters()).extracting(LogGroupBenchmark.Filter::name).doesNotHaveDuplicates();
    }

    @Test
    void tokenPassReadsEveryTokenOfEveryEvent() {
        TokenPassBenchmark b = setUp(new TokenPassBenchmark());
        long expected = 0;
        for (byte[] e : CORPUS.utf8()) {
            int tokens = Baselines.fullTokenPass(e);
            assertThat(tokens).as("every event is JSON").isGreaterThan(50);
            expected += tokens;
        }
        assertThat(b.baselineFullTokenPass()).isEqualTo(expected);
    }

    @Test
    void bothThreadsMethodsRunTheSeedPattern() {
        ThreadsBenchmark b = setUp(new ThreadsBenchmark());
        b.compile();
        assertThat(b.cwfilterBytesOneThread()).isEqualTo(hits(Family.SEED_EQUALITY));
        assertThat(b.cwfilterBytesTwoThreads()).isEqualTo(hits(Family.SEED_EQUALITY));
    }

    @Test
    void theLongCompiledPatternIsAbout200Characters() {
        CompileBenchmark b = new CompileBenchmark();
        assertThat(CompileBenchmark.LONG_PATTERN.codePointCount(0, CompileBenchmark.LONG_PATTERN.length()))
                .isBetween(190, 210);
        FilterPattern compiled = b.compile200CharacterPattern();
        assertThat(compiled.source()).isEqualTo(CompileBenchmark.LONG_PATTERN);
        assertThat(b.compileSeedPattern().source()).isEqualTo(Family.SEED_EQUALITY.pattern());
    }

    @Test
    void cliPipelineSelectsWhatTheLibraryMatches() throws IOException {
        CliFilterBenchmark b = new CliFilterBenchmark();
        b.setup();
        try {
            assertThat(b.libraryMatchesBytes()).isEqualTo(hits(Family.SEED_EQUALITY));
            assertThat(b.cliFilterPipeline()).isEqualTo(hits(Family.SEED_EQUALITY));
            assertThat(b.cliFilterPipelineOnAFile()).isEqualTo(hits(Family.SEED_EQUALITY));
            assertThat(b.jsonLinesFile()).isEqualTo(hits(Family.SEED_EQUALITY));
            assertThat(b.jsonLinesGzipFile()).isEqualTo(hits(Family.SEED_EQUALITY));
            assertThat(b.cloudTrailTree()).isEqualTo(hits(Family.SEED_EQUALITY));
            assertThat(b.cloudTrailTreeGzip()).isEqualTo(hits(Family.SEED_EQUALITY));
            assertThat(b.cloudTrailTreeGzipOneReader()).isEqualTo(hits(Family.SEED_EQUALITY));
        } finally {
            b.deleteFile();
        }
    }

    @Test
    void eventRules() {
        EventRulesBenchmark one = new EventRulesBenchmark();
        one.rules = 1;
        one.setUp();
        assertThat(one.eventRuleSet()).as("the corpus has no DeleteSecret or RotateSecret call").isZero();
        assertThat(one.cwfilterSeedPattern()).isEqualTo(hits(Family.SEED_EQUALITY));
        EventRulesBenchmark ten = new EventRulesBenchmark();
        ten.rules = 10;
        ten.setUp();
        assertThat(EventRulesBenchmark.rules(10)).hasSize(10);
        int delivered = ten.eventRuleSet();
        assertThat(delivered).as("the reads rule receives every GetSecretValue call, other rules more")
                .isGreaterThan(hits(Family.SEED_EQUALITY));
        assertThat(ten.baselineEventRulerMachine()).as("the machine applies no states").isGreaterThanOrEqualTo(delivered);
        assertThat(ten.envelopeOnly()).isGreaterThan(Corpus.EVENTS * 1000);
        assertThat(EventRulesBenchmark.rules(100)).hasSize(100);
    }
}
