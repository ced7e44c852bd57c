package dev.cwfilter.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The corpus is the same on every run, of the size and shape the benchmarks describe. */
class CorpusTest {

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        Corpus a = Corpus.cloudTrail(500, 0.1, 7);
        assertThat(Corpus.cloudTrail(500, 0.1, 7).texts()).isEqualTo(a.texts());
        assertThat(Corpus.cloudTrail(500, 0.1, 8).texts()).isNotEqualTo(a.texts());
        assertThat(Corpus.accessLog(500, 0.1, 7).texts()).isEqualTo(Corpus.accessLog(500, 0.1, 7).texts());
    }

    @Test
    void eventsAreCloudTrailRecordsOfAboutAKilobyte() {
        Corpus corpus = Corpus.cloudTrail(2000, 0.02, Corpus.SEED);
        assertThat(corpus.meanUtf8Bytes()).isBetween(900.0, 1500.0);
        int withError = 0;
        int withResources = 0;
        for (String t : corpus.texts()) {
            JsonNode e = Baselines.tree(t.getBytes(StandardCharsets.UTF_8));
            assertThat(e.path("eventVersion").asText()).isEqualTo("1.09");
            assertThat(e.path("userIdentity").path("type").isTextual()).as(t).isTrue();
            assertThat(e.path("latency").isNumber()).as(t).isTrue();
            assertThat(e.has("requestParameters") && e.has("eventName") && e.has("eventSource")).as(t).isTrue();
            withError += e.has("errorCode") ? 1 : 0;
            withResources += e.path("resources").isArray() ? 1 : 0;
        }
        // Failed calls and listed resources are a realistic minority and majority, not all or nothing.
        assertThat(withError).isBetween(100, 400);
        assertThat(withResources).isBetween(400, 1600);
    }

    @Test
    void aCorpusAnswersOnlyForItsFamilies() {
        Corpus log = Corpus.accessLog(100, 0.5, 1);
        assertThatThrownBy(() -> log.hitCount(Family.SEED_EQUALITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Corpus.cloudTrail(100, 0.1, 1).hitCount(Family.DELIMITED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Corpus.cloudTrail(100, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEventCanBeAHitAndNearMissesNeverOutnumberTheRest() {
        Corpus all = Corpus.cloudTrail(200, 1.0, 3);
        assertThat(all.hitCount(Family.NUMERIC)).isEqualTo(200);
        assertThat(all.nearMissCount(Family.NUMERIC)).isZero();
        Corpus none = Corpus.cloudTrail(200, 0.0, 3);
        assertThat(none.hitCount(Family.SEED_EQUALITY)).isZero();
        assertThat(none.hitCount(Family.TERM)).isZero();
    }

    @Test
    void eventsLaidOutInOrderAreFreshCopiesOfTheSameEventsInTheSameOrder() {
        Corpus corpus = Corpus.cloudTrail(300, 0.1, 11);
        byte[][] utf8 = corpus.utf8();
        byte[][] laidOut = Corpus.inMemoryOrder(utf8);
        assertThat(laidOut.length).isEqualTo(utf8.length);
        String[] strings = corpus.strings();
        String[] laidOutStrings = Corpus.inMemoryOrder(strings);
        for (int i = 0; i < utf8.length; i++) {
            assertThat(laidOut[i]).isEqualTo(utf8[i]).isNotSameAs(utf8[i]);
            assertThat(laidOutStrings[i]).isEqualTo(strings[i]).isNotSameAs(strings[i]);
        }
    }
}
