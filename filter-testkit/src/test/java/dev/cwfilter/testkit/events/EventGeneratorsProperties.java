package dev.cwfilter.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class EventGeneratorsProperties {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final FilterPattern GET_SECRET = FilterPattern.compile("{ $.eventName = \"GetSecretValue\" }");

    @Test
    void everyCloudTrailEventIsAJsonRecordOfItsName() {
        PropCheck.tries(200).forAll(EventGenerators.cloudTrailEvents(), event -> {
            JsonNode r = MAPPER.readTree(event.build());
            assertThat(r.get("eventName").asText()).isEqualTo(event.eventName());
            assertThat(r.get("eventSource").asText()).isEqualTo(event.eventSource());
            assertThat(r.get("eventTime").asText()).isEqualTo(event.time().toString());
            assertThat(r.get("userIdentity").get("type").asText()).isIn("IAMUser", "AssumedRole", "Root");
            assertThat(r.has("errorCode")).isEqualTo(event.errorCode().isPresent());
        });
    }

    @Test
    void aFilterOnOneEventNameMatchesEveryEventOfThatName() {
        PropCheck.tries(100).forAll(EventGenerators.cloudTrailEvents("GetSecretValue"),
                event -> assertThat(GET_SECRET.matches(event.build())).isTrue());
    }

    @Test
    void aFilterOnOneEventNameMatchesNoOtherEvent() {
        PropCheck.tries(200).forAll(EventGenerators.cloudTrailEventsExcept("GetSecretValue"),
                event -> assertThat(GET_SECRET.matches(event.build())).isFalse());
    }

    @Test
    void vpcFlowLogRecordsAlwaysHaveFourteenFields() {
        FilterPattern vpc = FilterPattern.compile(SampleLinesTest.VPC_PATTERN,
                FilterOptions.builder().exactFieldCount(true).build());
        PropCheck.tries(100).forAll(EventGenerators.vpcFlowLogRecords(), record -> {
            assertThat(record.build().split(" ")).hasSize(14);
            assertThat(vpc.matches(record.build())).isTrue();
        });
    }

    @Test
    void apacheLinesSplitIntoTheirFormatsFields() {
        FilterPattern common = FilterPattern.compile("[ip, identity, user, timestamp, request, status, size]",
                FilterOptions.builder().exactFieldCount(true).build());
        FilterPattern combined = FilterPattern.compile("[ip, identity, user, timestamp, request, status, size,"
                + " referer, agent]", FilterOptions.builder().exactFieldCount(true).build());
        PropCheck.tries(100).forAll(EventGenerators.apacheAccessLogEntries(),
                entry -> assertThat(common.matches(entry.build()) || combined.matches(entry.build())).isTrue());
    }

    @Test
    void lambdaJsonLinesMatchJsonPatternsOnlyWithALenientPrefix() {
        FilterPattern strict = FilterPattern.compile("{ $.level = * }");
        FilterPattern lenient = FilterPattern.compile("{ $.level = * }",
                FilterOptions.builder().lenientJsonPrefix(true).build());
        PropCheck.tries(100).forAll(EventGenerators.lambdaLogLines(), line -> {
            assertThat(strict.matches(line.build())).isFalse();
            assertThat(lenient.matches(line.build())).isEqualTo(line.build().endsWith("}"));
        });
    }

    @Test
    void messagesAreTheBuiltEvents() {
        PropCheck.tries(50).forAll(EventGenerators.messages(EventGenerators.cloudTrailEvents()),
                message -> assertThat(message).startsWith("{\"eventVersion\":\"1.09\""));
    }

    /**
     * The generators are plain functions of a {@code RandomGenerator}: a library that hands out its own randomness
     * (here a {@code Function<RandomGenerator, T>} fed from a seeded {@code SplittableRandom}) gets the same events
     * from the same seed, and different ones from another.
     */
    @Test
    void theSameRandomnessGivesTheSameEventsInAnyRunner() {
        Function<RandomGenerator, String> messages = EventGenerators.messages(EventGenerators.cloudTrailEvents())
                ::generate;
        assertThat(draw(messages, 7)).hasSize(20).isEqualTo(draw(messages, 7)).isNotEqualTo(draw(messages, 8));
        assertThat(draw(messages, 7)).doesNotHaveDuplicates();
    }

    /** With no randomness at all (every draw zero), each generator gives its first, plainest choice. */
    @Test
    void zeroDrawsGiveThePlainestEvent() {
        RandomGenerator zeros = () -> 0L;
        CloudTrailEvent event = EventGenerators.cloudTrailEvents().generate(zeros);
        assertThat(event.eventName()).isEqualTo(CloudTrailEvents.eventNames().get(0));
        assertThat(event.errorCode()).isEmpty();
        Gen<String> ips = EventGenerators.ipAddresses();
        assertThat(ips.generate(zeros)).isEqualTo("203.0.113.1");
    }

    private static List<String> draw(Function<RandomGenerator, String> gen, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(gen.apply(random));
        }
        return values;
    }
}
