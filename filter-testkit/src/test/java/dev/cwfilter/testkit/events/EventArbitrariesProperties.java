package dev.cwfilter.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventArbitrariesProperties {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final FilterPattern GET_SECRET = FilterPattern.compile("{ $.eventName = \"GetSecretValue\" }");

    @Provide
    Arbitrary<CloudTrailEvent> cloudTrail() {
        return EventArbitraries.cloudTrailEvents();
    }

    @Provide
    Arbitrary<CloudTrailEvent> getSecretValue() {
        return EventArbitraries.cloudTrailEvents("GetSecretValue");
    }

    @Provide
    Arbitrary<CloudTrailEvent> otherCalls() {
        return EventArbitraries.cloudTrailEventsExcept("GetSecretValue");
    }

    @Property(tries = 200)
    void everyCloudTrailEventIsAJsonRecordOfItsName(@ForAll("cloudTrail") CloudTrailEvent event) throws Exception {
        JsonNode r = MAPPER.readTree(event.build());
        assertThat(r.get("eventName").asText()).isEqualTo(event.eventName());
        assertThat(r.get("eventSource").asText()).isEqualTo(event.eventSource());
        assertThat(r.get("eventTime").asText()).isEqualTo(event.time().toString());
        assertThat(r.get("userIdentity").get("type").asText()).isIn("IAMUser", "AssumedRole", "Root");
        assertThat(r.has("errorCode")).isEqualTo(event.errorCode().isPresent());
    }

    @Property(tries = 100)
    void aFilterOnOneEventNameMatchesEveryEventOfThatName(@ForAll("getSecretValue") CloudTrailEvent event) {
        assertThat(GET_SECRET.matches(event.build())).isTrue();
    }

    @Property(tries = 200)
    void aFilterOnOneEventNameMatchesNoOtherEvent(@ForAll("otherCalls") CloudTrailEvent event) {
        assertThat(GET_SECRET.matches(event.build())).isFalse();
    }

    @Property(tries = 100)
    void vpcFlowLogRecordsAlwaysHaveFourteenFields(@ForAll("vpc") VpcFlowLogRecord record) {
        assertThat(record.build().split(" ")).hasSize(14);
        assertThat(FilterPattern.compile(SampleLinesTest.VPC_PATTERN,
                FilterOptions.builder().exactFieldCount(true).build()).matches(record.build())).isTrue();
    }

    @Provide
    Arbitrary<VpcFlowLogRecord> vpc() {
        return EventArbitraries.vpcFlowLogRecords();
    }

    @Property(tries = 100)
    void apacheLinesSplitIntoTheirFormatsFields(@ForAll("apache") ApacheAccessLogEntry entry) {
        FilterPattern common = FilterPattern.compile("[ip, identity, user, timestamp, request, status, size]",
                FilterOptions.builder().exactFieldCount(true).build());
        FilterPattern combined = FilterPattern.compile("[ip, identity, user, timestamp, request, status, size,"
                + " referer, agent]", FilterOptions.builder().exactFieldCount(true).build());
        assertThat(common.matches(entry.build()) || combined.matches(entry.build())).isTrue();
    }

    @Provide
    Arbitrary<ApacheAccessLogEntry> apache() {
        return EventArbitraries.apacheAccessLogEntries();
    }

    @Property(tries = 100)
    void lambdaJsonLinesMatchJsonPatternsOnlyWithALenientPrefix(@ForAll("lambda") LambdaLogLine line) {
        FilterPattern strict = FilterPattern.compile("{ $.level = * }");
        FilterPattern lenient = FilterPattern.compile("{ $.level = * }",
                FilterOptions.builder().lenientJsonPrefix(true).build());
        assertThat(strict.matches(line.build())).isFalse();
        assertThat(lenient.matches(line.build())).isEqualTo(line.build().endsWith("}"));
    }

    @Provide
    Arbitrary<LambdaLogLine> lambda() {
        return EventArbitraries.lambdaLogLines();
    }

    @Property(tries = 50)
    void messagesAreTheBuiltEvents(@ForAll("messages") String message) {
        assertThat(message).startsWith("{\"eventVersion\":\"1.09\"");
    }

    @Provide
    Arbitrary<String> messages() {
        return EventArbitraries.messages(EventArbitraries.cloudTrailEvents());
    }
}
