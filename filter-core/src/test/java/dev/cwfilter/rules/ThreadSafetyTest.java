package dev.cwfilter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * FilterPattern and MetricFilter: "Instances are immutable and thread-safe: compile once and share the pattern between
 * threads." One compiled pattern of each syntax, used by 8 threads at once over the same 10,000 events, gives every
 * thread exactly the answers of a single-threaded pass. Equality is asserted, never timing.
 */
class ThreadSafetyTest {

    private static final int THREADS = 8;
    private static final int EVENTS = 10_000;

    private static final List<String> PATTERNS = List.of(
            "ERROR -DEBUG",
            "?timeout ?\"connection reset\"",
            "%[Ee]rror\\s\\d{3}$%",
            "{ ($.level = \"error\" || $.code >= 500) && $.user.id != 7 }",
            "{ $.tags[*] = \"hot\" && $.missing NOT EXISTS }",
            "[ip, ..., status=5*, bytes > 100]",
            "[w1=ERROR || w1=WARN, w2]");

    /** Mixed events: JSON that matches and does not, malformed JSON, delimited lines, text, non-ASCII, blanks. */
    static List<String> events() {
        Random random = new Random(20261101L);
        String[] levels = {"error", "info", "warn", "ERROR", "DEBUG"};
        String[] tags = {"hot", "cold", "warm"};
        List<String> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            int code = 100 + random.nextInt(500);
            String level = levels[random.nextInt(levels.length)];
            switch (random.nextInt(9)) {
                case 0 -> events.add("{\"level\":\"" + level + "\",\"code\":" + code + ",\"user\":{\"id\":"
                        + random.nextInt(10) + "},\"tags\":[\"" + tags[random.nextInt(3)] + "\",\""
                        + tags[random.nextInt(3)] + "\"]}");
                case 1 -> events.add("{\"level\":\"" + level + "\",\"code\":" + code + ",\"user\":{\"id\":7");
                case 2 -> events.add("{\"level\":\"" + level + "\",\"code\":\"" + code + "\"}{\"x\":1}");
                case 3 -> events.add("10.0.0." + random.nextInt(255) + " - - [10/Oct/2000:13:25:15 -0700] \"GET /"
                        + i + " HTTP/1.0\" " + code + " " + random.nextInt(300));
                case 4 -> events.add(level.toUpperCase() + " " + (random.nextBoolean() ? "Error " : "error ") + code);
                case 5 -> events.add("[" + level + "] connection reset by peer after timeout " + i + " DEBUG");
                case 6 -> events.add("ÉRROR café 日本 " + level + " 😀 Error " + code);
                case 7 -> events.add(random.nextBoolean() ? " " : "\"unbalanced [ quote " + code);
                default -> events.add("ERROR multi\nline\tevent " + code + "\n");
            }
        }
        return events;
    }

    /** Every answer of one pass, String and UTF-8 paths, for every pattern, in a fixed order. */
    static boolean[][] answers(List<FilterPattern> patterns, List<String> events, List<byte[]> utf8, int start) {
        boolean[][] out = new boolean[patterns.size() * 2][events.size()];
        for (int k = 0; k < events.size(); k++) {
            int e = (start + k) % events.size();
            for (int p = 0; p < patterns.size(); p++) {
                FilterPattern pattern = patterns.get(p);
                out[2 * p][e] = pattern.matches(events.get(e));
                byte[] bytes = utf8.get(e);
                out[2 * p + 1][e] = pattern.matches(bytes, 0, bytes.length);
            }
        }
        return out;
    }

    private record Pass(boolean[][] matched, List<MetricFilterMatchRecord> records) {
    }

    @Test
    void sharedPatternsAnswerEveryThreadAsASingleThreadedPass() throws Exception {
        List<FilterPattern> patterns = PATTERNS.stream().map(FilterPattern::compile).toList();
        List<String> events = events();
        List<byte[]> utf8 = events.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        MetricFilter extracting = MetricFilter.builder().filterPattern("[ip, ..., status=5*, bytes > 100]").build();

        boolean[][] expected = answers(patterns, events, utf8, 0);
        List<MetricFilterMatchRecord> expectedRecords = extracting.matchRecords(events);
        for (int p = 0; p < patterns.size(); p++) {
            boolean[] row = expected[2 * p];
            assertThat(row).as("pattern %s must both match and miss some events", PATTERNS.get(p))
                    .contains(true, false);
        }
        assertThat(expectedRecords).isNotEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Pass>> passes = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int start = t * (EVENTS / THREADS);
                passes.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    boolean[][] matched = answers(patterns, events, utf8, start);
                    return new Pass(matched, extracting.matchRecords(events));
                }));
            }
            ready.await();
            go.countDown();
            for (int t = 0; t < THREADS; t++) {
                Pass got = passes.get(t).get(5, TimeUnit.MINUTES);
                for (int row = 0; row < got.matched.length; row++) {
                    int differs = Arrays.mismatch(got.matched[row], expected[row]);
                    assertThat(differs)
                            .as("thread %d, pattern %s, %s path: first differing event %s", t,
                                    PATTERNS.get(row / 2), row % 2 == 0 ? "String" : "UTF-8",
                                    differs < 0 ? "-" : RuleAssertions.show(events.get(differs)))
                            .isEqualTo(-1);
                }
                assertThat(got.records).as("thread %d, extracted values", t).isEqualTo(expectedRecords);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
