package dev.cwfilter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * FilterPattern: "Instances are immutable and thread-safe". A stress complement to {@link ThreadSafetyTest}: patterns
 * whose evaluation keeps per-thread scratch state (JSON frames, space-delimited field rings, the regular-expression
 * search's rings of positions) shared by 8 threads for a fixed 10 rounds over the same hostile events: events that
 * end evaluation half way (nested past the limit, truncated, invalid UTF-8, larger than the limit), long values, many
 * fields. Each thread evaluates the events in its own order, through {@code matches} (text and bytes) and
 * {@code explain}, alternating patterns between events so that every per-thread state is left half-used by one
 * pattern before another runs; every answer must equal a single-threaded pass. Equality is asserted, never timing.
 */
class ConcurrencyStressTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 10;

    private static final FilterOptions SMALL = FilterOptions.builder().maxEventBytes(5_000)
            .maxEventNestingDepth(40).build();

    private static final List<FilterPattern> PATTERNS = List.of(
            FilterPattern.compile("{ $.a.b[*] = %^x{2,40}$% || ($.c = %\\d{3}$% && $.d NOT EXISTS) }", SMALL),
            FilterPattern.compile("{ $.a.b[1] = \"*xx*\" && $.n > 5 }", SMALL),
            FilterPattern.compile("[k, ..., y = %^x+$%, z = %[0-9]{2,}|^-%]", SMALL),
            FilterPattern.compile("[k = %^[a-z]% || k = \"-\", ..., z]", SMALL),
            FilterPattern.compile("%x{3}y|^\\S*\\s\\d{1,3}$%", SMALL),
            FilterPattern.compile("ERROR -\"x\\\"y\" ?zz", SMALL));

    static List<String> events() {
        Random random = new Random(20261121L);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String xs = "x".repeat(random.nextInt(60));
            String digits = Integer.toString(random.nextInt(100_000));
            String event = switch (random.nextInt(10)) {
                case 0 -> "{\"a\":{\"b\":[\"" + xs + "\",\"" + xs + "xx\"]},\"c\":\"" + digits + "\",\"n\":" + digits
                        + "}";
                case 1 -> "{\"a\":{\"b\":[\"" + xs + "\"" + "[".repeat(30 + random.nextInt(20)) + "]}";
                case 2 -> "{\"c\":\"" + digits + "\",\"deep\":" + "[".repeat(35 + random.nextInt(10))
                        + "]".repeat(35 + random.nextInt(10)) + ",\"d\":1}";
                case 3 -> "k " + "f ".repeat(random.nextInt(300)) + xs + " " + digits;
                case 4 -> "- " + "\"q q\" ".repeat(random.nextInt(50)) + "[a b] " + xs + "y -1";
                case 5 -> xs + "y " + digits + (random.nextBoolean() ? "\n" : "\r\n");
                case 6 -> "ERROR " + xs + (random.nextBoolean() ? " x\"y" : " zz") + " \uFFFD\u00e9";
                case 7 -> "{\"a\":{\"b\":[1,\"" + "x".repeat(4_900 + random.nextInt(200)) + "\"]}}";
                case 8 -> "k " + xs.repeat(100) + " " + digits;
                default -> "{\"a\":{\"b\":[\"xxx\"]},\"n\":" + digits + "} trailing";
            };
            events.add(event);
        }
        return events;
    }

    /** One event's bytes, with invalid UTF-8 in one event of three. */
    private static byte[] bytesOf(String event, int i) {
        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
        if (i % 3 == 0 && utf8.length > 4) {
            utf8[utf8.length / 2] = (byte) 0xFF;
        }
        return utf8;
    }

    /** The answers for event e: per pattern, text, bytes and explain. */
    private static boolean[] answers(String event, byte[] bytes) {
        boolean[] out = new boolean[PATTERNS.size() * 3];
        for (int p = 0; p < PATTERNS.size(); p++) {
            FilterPattern pattern = PATTERNS.get(p);
            out[3 * p] = pattern.matches(event);
            out[3 * p + 1] = pattern.matches(bytes, 0, bytes.length);
            out[3 * p + 2] = pattern.explain(event).matched();
        }
        return out;
    }

    @Test
    void sharedPatternsGiveEveryThreadTheSingleThreadedAnswersRoundAfterRound() throws Exception {
        List<String> events = events();
        List<byte[]> bytes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            bytes.add(bytesOf(events.get(i), i));
        }
        boolean[][] expected = new boolean[events.size()][];
        for (int e = 0; e < events.size(); e++) {
            expected[e] = answers(events.get(e), bytes.get(e));
        }
        for (int column = 0; column < PATTERNS.size() * 3; column++) {
            int c = column;
            assertThat(Arrays.stream(expected).map(row -> row[c]).distinct().count())
                    .as("pattern %s must both match and miss", PATTERNS.get(column / 3)).isEqualTo(2);
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier barrier = new CyclicBarrier(THREADS);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    List<String> differences = new ArrayList<>();
                    Random order = new Random(seed);
                    for (int round = 0; round < ROUNDS; round++) {
                        barrier.await(1, TimeUnit.MINUTES);
                        for (int k = 0; k < events.size(); k++) {
                            int e = order.nextInt(events.size());
                            boolean[] got = answers(events.get(e), bytes.get(e));
                            int at = Arrays.mismatch(got, expected[e]);
                            if (at >= 0) {
                                differences.add("round " + round + ", event " + e + ", pattern "
                                        + PATTERNS.get(at / 3) + ", " + List.of("text", "bytes", "explain").get(at % 3));
                            }
                        }
                    }
                    return differences;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                assertThat(results.get(t).get(5, TimeUnit.MINUTES)).as("thread %d", t).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
