package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.events.EventBridgeEvent;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleSet;
import dev.cwfilter.events.RuleState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.event.ruler.Machine;

/**
 * EventBridge rules over the CloudTrail corpus at 2% hits: N rules (the seed scenario's DeleteSecret/RotateSecret rule,
 * a rule on the 2% of {@code GetSecretValue} calls in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, and rules of
 * the kinds security teams write: root use, denied calls, IAM changes, one user, one bucket, one role) in one
 * {@link EventRuleSet}. Each record is wrapped as EventBridge delivers it and matched; scores are records per second.
 * Beside it, in the same run and on the same records:
 * <ul>
 *   <li>{@code baselineEventRulerMachine}: event-ruler's {@link Machine} with the same rules on envelopes built
 *       before the measurement, which is what the set adds nothing to but the envelope and the rule states;</li>
 *   <li>{@code envelopeOnly}: the envelope alone;</li>
 *   <li>{@code cwfilterSeedPattern}: the seed scenario's filter pattern ({@code SeedEqualityBenchmark}'s) over the
 *       same records, the filter-pattern figure.</li>
 * </ul>
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventRulesBenchmark {

    /** The hit rate of the corpus: 2% of the records are GetSecretValue calls. */
    static final double HIT_RATE = 0.02;

    /** How many rules the set holds. */
    @Param({"1", "10", "100"})
    public int rules;

    String[] records;
    byte[][] utf8;
    String[] envelopes;
    EventRuleSet set;
    Machine machine;
    FilterPattern seedPattern;

    @Setup
    public void setUp() {
        Corpus corpus = Corpus.cloudTrail(HIT_RATE);
        records = Corpus.inMemoryOrder(corpus.strings());
        utf8 = Corpus.inMemoryOrder(corpus.utf8());
        List<EventRule> list = rules(rules);
        set = EventRuleSet.of(list);
        machine = Machine.builder().build();
        try {
            for (EventRule r : list) {
                machine.addRule(r.name(), r.eventPattern());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] built = new String[records.length];
        for (int i = 0; i < records.length; i++) {
            built[i] = EventBridgeEvent.fromCloudTrail(records[i]).toJson();
        }
        envelopes = Corpus.inMemoryOrder(built);
        seedPattern = FilterPattern.compile(Family.SEED_EQUALITY.pattern());
        // The set and the machine must agree before anything is timed.
        int fromSet = eventRuleSet();
        int fromMachine = baselineEventRulerMachine();
        if (rules > 1 && fromSet == 0) {
            throw new IllegalStateException("no rule matched any record: the benchmark would measure nothing");
        }
        if (fromMachine < fromSet) {
            throw new IllegalStateException("the set delivered " + fromSet + " matches, the machine found "
                    + fromMachine);
        }
    }

    /** N rules: the seed rule, the reads rule, then rules of the kinds security teams write, in turn. */
    static List<EventRule> rules(int n) {
        List<EventRule> list = new ArrayList<>();
        list.add(EventRule.of("secret-delete-or-rotate", "{\"source\":[\"aws.secretsmanager\"],\"detail-type\":"
                + "[\"AWS API Call via CloudTrail\"],\"detail\":{\"eventName\":[\"DeleteSecret\",\"RotateSecret\"]}}"));
        if (n > 1) {
            list.add(EventRule.builder("secret-reads").eventPattern("{\"detail\":{\"eventName\":[\"GetSecretValue\"]}}")
                    .state(RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS).build());
        }
        String[] users = {"alice", "bob", "carol", "dmitri", "eve.ops"};
        String[] roles = {"ci-deployer", "app-backend", "Admin", "ReadOnly", "data-pipeline", "orders-lambda-exec"};
        for (int i = list.size(); i < n; i++) {
            int k = i % 8;
            String pattern = switch (k) {
                case 0 -> "{\"detail\":{\"userIdentity\":{\"type\":[\"Root\"]}}}";
                case 1 -> "{\"detail\":{\"errorCode\":[{\"prefix\":\"AccessDenied\"},\"UnauthorizedOperation\"]}}";
                case 2 -> "{\"source\":[\"aws.iam\"],\"detail\":{\"eventName\":[{\"prefix\":\"Put\"},"
                        + "{\"prefix\":\"Delete\"},{\"prefix\":\"Attach\"}]}}";
                case 3 -> "{\"detail\":{\"userIdentity\":{\"userName\":[\"" + users[i % users.length] + "\"]},"
                        + "\"eventName\":[{\"anything-but\":{\"prefix\":\"Describe\"}}]}}";
                case 4 -> "{\"source\":[\"aws.s3\"],\"detail\":{\"requestParameters\":{\"bucketName\":"
                        + "[\"bucket-" + i + "\"]}}}";
                case 5 -> "{\"detail\":{\"userIdentity\":{\"sessionContext\":{\"sessionIssuer\":{\"userName\":[\""
                        + roles[i % roles.length] + "\"]}}},\"eventName\":[\"AssumeRole\",\"ConsoleLogin\"]}}";
                case 6 -> "{\"detail-type\":[\"AWS Console Sign In via CloudTrail\"],\"detail\":{\"responseElements\":"
                        + "{\"ConsoleLogin\":[\"Failure\"]}}}";
                default -> "{\"source\":[\"aws.kms\"],\"detail\":{\"eventName\":[\"ScheduleKeyDeletion\","
                        + "\"DisableKey\"],\"requestParameters\":{\"keyId\":[{\"suffix\":\"" + i + "\"}]}}}";
            };
            list.add(EventRule.of("rule-" + i, pattern));
        }
        return list;
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int eventRuleSet() {
        int matches = 0;
        for (String record : records) {
            matches += set.match(EventBridgeEvent.fromCloudTrail(record)).size();
        }
        return matches;
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineEventRulerMachine() {
        return Baselines.eventRulerMatches(machine, envelopes);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int envelopeOnly() {
        int length = 0;
        for (String record : records) {
            length += EventBridgeEvent.fromCloudTrail(record).toJson().length();
        }
        return length;
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterSeedPattern() {
        return Corpus.countMatches(seedPattern, utf8);
    }
}
