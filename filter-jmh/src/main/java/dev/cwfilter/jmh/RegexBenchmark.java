package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Penetration-testing distributions in the user agent, {@code { $.userAgent = %[Kk]ali|[Pp]arrot|[Pp]entoo% }}: a
 * regular expression on one JSON value (as GuardDuty's PenTest findings look for them). Beside it the same question
 * written by hand with jackson-core and {@code java.util.regex}, asked of a jackson-databind tree, and
 * {@code java.util.regex} over the whole event text as grep would run it (which also counts the near-misses, whose
 * request parameters hold the words); the full token pass is {@link TokenPassBenchmark}, on the same events. Scores are
 * events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public class RegexBenchmark extends JsonFamilyBenchmark {

    private static final Pattern REGEX = Pattern.compile("[Kk]ali|[Pp]arrot|[Pp]entoo");

    public RegexBenchmark() {
        super(Family.REGEX, HAND_WRITTEN, RegexBenchmark::databind);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterString() {
        return Corpus.countMatches(pattern, strings);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineRegexOverText() {
        return Corpus.count(RegexBenchmark::regexOverText, strings);
    }

    /**
     * The pattern written by hand with jackson-core: find the top-level {@code userAgent}, skipping other subtrees,
     * and search its text with {@code java.util.regex}.
     */
    static final Baselines.HandWritten HAND_WRITTEN = new Baselines.HandWritten("userAgent",
            (p, value) -> value == VALUE_STRING && REGEX.matcher(p.getText()).find());

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        JsonNode agent = Baselines.tree(event).path("userAgent");
        return agent.isTextual() && REGEX.matcher(agent.textValue()).find();
    }

    /** The expression searched for anywhere in the event's text. */
    static boolean regexOverText(String event) {
        return REGEX.matcher(event).find();
    }
}
