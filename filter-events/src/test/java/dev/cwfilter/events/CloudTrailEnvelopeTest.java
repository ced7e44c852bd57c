package dev.cwfilter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CloudTrail record becomes the event EventBridge delivers: each AWS documentation example's record, wrapped, gives
 * that example field by field (the id excepted: EventBridge makes a new one per event).
 */
class CloudTrailEnvelopeTest {

    static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @ParameterizedTest
    @ValueSource(strings = {"delete-secret.json", "rotate-secret.json", "rotation-succeeded.json",
        "console-sign-in.json"})
    void eachDocumentationExampleIsTheEnvelopeOfItsRecord(String file) {
        JsonNode expected = Examples.event(file);
        EventBridgeEvent event = EventBridgeEvent.fromCloudTrail(Examples.record(file));
        JsonNode actual = Examples.tree(event.toJson());

        List<String> keys = new ArrayList<>();
        actual.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as("the envelope's fields, in their order on the wire").containsExactly("version", "id",
                "detail-type", "source", "account", "time", "region", "resources", "detail");
        for (String field : List.of("version", "detail-type", "source", "account", "time", "region", "resources")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(actual.get("id").textValue()).as("id").matches(UUID_V4);
        assertThat(actual.get("detail")).as("detail is the record, every field kept").isEqualTo(expected.get("detail"));
        List<String> detailKeys = new ArrayList<>();
        actual.get("detail").fieldNames().forEachRemaining(detailKeys::add);
        List<String> recordKeys = new ArrayList<>();
        expected.get("detail").fieldNames().forEachRemaining(recordKeys::add);
        assertThat(detailKeys).as("the record's field order").isEqualTo(recordKeys);

        assertThat(event.version()).isEqualTo("0");
        assertThat(event.detailType()).isEqualTo(expected.get("detail-type").textValue());
        assertThat(event.source()).isEqualTo(expected.get("source").textValue());
        assertThat(event.account()).isEqualTo(expected.get("account").textValue());
        assertThat(event.time()).isEqualTo(expected.get("time").textValue());
        assertThat(event.region()).isEqualTo(expected.get("region").textValue());
        assertThat(event.resources()).isEmpty();
        assertThat(Examples.tree(event.detailJson())).isEqualTo(expected.get("detail"));
        assertThat(event.eventBus()).isEqualTo("default");
        assertThat(event.ingestionTime()).isEqualTo(event.time());
    }

    @Test
    void theAccountOfARecordWithoutRecipientAccountIdIsTheCallersAccount() {
        // The 1.02 sign-in example has no recipientAccountId; its event's account is userIdentity.accountId.
        assertThat(Examples.event("console-sign-in.json").get("detail").has("recipientAccountId")).isFalse();
        String record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"accountId\":\"111122223333\"},"
                + "\"eventTime\":\"2026-11-21T12:00:00Z\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"CreateBucket\",\"awsRegion\":\"eu-west-1\",\"eventType\":\"AwsApiCall\","
                + "\"recipientAccountId\":\"444455556666\"}";
        assertThat(EventBridgeEvent.fromCloudTrail(record).account()).as("recipientAccountId wins")
                .isEqualTo("444455556666");
    }

    @Test
    void idsAreDerivedFromTheRecordUnlessRandomIdsAreAsked() {
        String record = Examples.record("delete-secret.json");
        EventBridgeEvent a = EventBridgeEvent.fromCloudTrail(record);
        EventBridgeEvent b = EventBridgeEvent.fromCloudTrail(record);
        assertThat(a.id()).matches(UUID_V4).isEqualTo(b.id());
        assertThat(a.toJson()).isEqualTo(b.toJson());
        String other = EventBridgeEvent.fromCloudTrail(Examples.record("rotate-secret.json")).id();
        assertThat(other).as("another record, though the examples share an eventID").isNotEqualTo(a.id());

        CloudTrailEnvelope random = CloudTrailEnvelope.builder().randomIds().build();
        String r1 = random.wrap(record).id();
        String r2 = random.wrap(record).id();
        assertThat(r1).matches(UUID_V4).isNotEqualTo(r2);
    }

    @Test
    void detailTypesFollowTheEventType() {
        assertThat(CloudTrailEnvelope.detailType("AwsApiCall")).contains("AWS API Call via CloudTrail");
        assertThat(CloudTrailEnvelope.detailType("AwsServiceEvent")).contains("AWS Service Event via CloudTrail");
        assertThat(CloudTrailEnvelope.detailType("AwsConsoleSignIn")).contains("AWS Console Sign In via CloudTrail");
        assertThat(CloudTrailEnvelope.detailType("AwsConsoleAction")).contains("AWS Console Action via CloudTrail");
        assertThat(CloudTrailEnvelope.detailType("AwsCloudTrailInsight")).contains("AWS Insight via CloudTrail");
        assertThat(CloudTrailEnvelope.detailType("AwsVpceEvent")).contains("AWS Network Activity Event via CloudTrail");
        assertThat(CloudTrailEnvelope.detailType("AwsSomethingElse")).isEmpty();
    }

    @Test
    void sourceIsAwsDotTheServiceWithOverrides() {
        CloudTrailEnvelope envelope = CloudTrailEnvelope.defaults();
        assertThat(envelope.source("secretsmanager.amazonaws.com")).isEqualTo("aws.secretsmanager");
        assertThat(envelope.source("signin.amazonaws.com")).isEqualTo("aws.signin");
        assertThat(envelope.source("elasticmapreduce.amazonaws.com")).isEqualTo("aws.elasticmapreduce");
        assertThat(envelope.source("monitoring.amazonaws.com")).as("CloudWatch's IAM prefix").isEqualTo("aws.cloudwatch");
        CloudTrailEnvelope overridden = CloudTrailEnvelope.builder()
                .source("monitoring.amazonaws.com", "aws.monitoring").build();
        assertThat(overridden.source("monitoring.amazonaws.com")).isEqualTo("aws.monitoring");
        assertThat(overridden.wrap(record("AwsApiCall", "monitoring.amazonaws.com", "PutMetricAlarm")).source())
                .isEqualTo("aws.monitoring");
    }

    @Test
    void timeIsTheEventTimeToTheSecondAndNumbersKeepTheirLiterals() {
        String r = "{\"eventTime\":\"2026-11-21T12:00:14.987Z\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"RunInstances\",\"awsRegion\":\"us-east-1\",\"eventType\":\"AwsApiCall\","
                + "\"recipientAccountId\":\"123456789012\",\"requestParameters\":{\"n\":1.50,\"big\":12345678901234567890,"
                + "\"e\":1e2,\"s\":\"caf\\u00e9 \\\"q\\\"\"}}";
        EventBridgeEvent e = EventBridgeEvent.fromCloudTrail(r);
        assertThat(e.time()).isEqualTo("2026-11-21T12:00:14Z");
        assertThat(e.toJson()).as("the record as written: number literals and string escapes kept")
                .contains("\"requestParameters\":{\"n\":1.50,\"big\":12345678901234567890,\"e\":1e2,"
                        + "\"s\":\"caf\\u00e9 \\\"q\\\"\"}");
        String spaced = "\n{ " + r.substring(1).replace(",\"eventSource\":", " ,\n\t\"eventSource\" :\r\n ")
                .replace("{\"n\":1.50,", "{ \"n\" : 1.50 , ").replace("}}", " } }\n");
        assertThat(EventBridgeEvent.fromCloudTrail(spaced).toJson()).as("insignificant whitespace removed")
                .isEqualTo(e.toJson());
        assertThat(Examples.tree(e.toJson()).get("detail")).isEqualTo(Examples.tree(r));
    }

    @Test
    void bytesGiveTheSameEventAsText() {
        String record = Examples.record("rotation-succeeded.json");
        byte[] utf8 = ("xx" + record + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        EventBridgeEvent fromBytes = CloudTrailEnvelope.defaults().wrap(utf8, 2, utf8.length - 4);
        assertThat(fromBytes).isEqualTo(EventBridgeEvent.fromCloudTrail(record));
    }

    @Test
    void recordsEventBridgeWouldNotDeliverAreRejectedWithTheReason() {
        assertUndeliverable("[1]", UndeliverableEventException.Reason.NOT_A_RECORD,
                "not a CloudTrail record: a CloudTrail record is a JSON object");
        assertUndeliverable("{\"a\":", UndeliverableEventException.Reason.NOT_A_RECORD,
                "not a CloudTrail record: not well-formed JSON");
        assertUndeliverable("{} {}", UndeliverableEventException.Reason.NOT_A_RECORD,
                "not a CloudTrail record: unexpected text after the record's JSON object");
        assertUndeliverable("{\"eventName\":\"x\"}", UndeliverableEventException.Reason.NOT_A_RECORD,
                "not a CloudTrail record: the record has no eventType string");
        assertUndeliverable(record("AwsApiCall", "s3.amazonaws.com", "X").replace("\"awsRegion\":\"us-east-1\",", ""),
                UndeliverableEventException.Reason.NOT_A_RECORD, "not a CloudTrail record: the record has no awsRegion");
        assertUndeliverable(record("AwsApiCall", "s3.amazonaws.com", "X").replace("2026-11-21T12:00:00Z", "yesterday"),
                UndeliverableEventException.Reason.NOT_A_RECORD,
                "not a CloudTrail record: eventTime \"yesterday\" is not an ISO-8601 UTC time");
        assertUndeliverable(record("AwsApiCall", "s3.amazonaws.com", "X")
                        .replace(",\"recipientAccountId\":\"123456789012\"", "")
                        .replace("\"accountId\":\"123456789012\"", "\"userName\":\"bob\""),
                UndeliverableEventException.Reason.NOT_A_RECORD,
                "not a CloudTrail record: the record has neither recipientAccountId nor userIdentity.accountId");
        assertUndeliverable(record("AwsMystery", "s3.amazonaws.com", "X"),
                UndeliverableEventException.Reason.UNKNOWN_EVENT_TYPE,
                "EventBridge delivers no event for eventType \"AwsMystery\"");
        String nested = "[".repeat(2000) + "]".repeat(2000);
        assertUndeliverable("{\"eventType\":" + nested + "}", UndeliverableEventException.Reason.NOT_A_RECORD,
                "not a CloudTrail record: not well-formed JSON");
    }

    @Test
    void anEventOverTwoHundredFiftySixKilobytesIsNotDelivered() {
        String base = record("AwsApiCall", "s3.amazonaws.com", "PutBucketPolicy");
        String big = base.substring(0, base.length() - 1) + ",\"requestParameters\":{\"policy\":\"%s\"}}";
        int envelopeOverhead = EventBridgeEvent.fromCloudTrail(String.format(big, "")).toJson().length();
        String fits = String.format(big, "x".repeat(CloudTrailEnvelope.MAX_EVENT_BYTES - envelopeOverhead));
        assertThat(EventBridgeEvent.fromCloudTrail(fits).toJson()).hasSize(CloudTrailEnvelope.MAX_EVENT_BYTES);
        String over = String.format(big, "x".repeat(CloudTrailEnvelope.MAX_EVENT_BYTES - envelopeOverhead + 1));
        assertUndeliverable(over, UndeliverableEventException.Reason.TOO_LARGE, "the event would be 262145 bytes;"
                + " EventBridge delivers events of up to 262144");
        // Bytes, not characters: two-byte characters count twice.
        String accents = String.format(big, "é".repeat((CloudTrailEnvelope.MAX_EVENT_BYTES - envelopeOverhead) / 2 + 1));
        assertUndeliverable(accents, UndeliverableEventException.Reason.TOO_LARGE, "the event would be");
    }

    @Test
    void readOnlyManagementEventsAreTheListGetAndDescribeCalls() {
        assertThat(readOnly("AwsApiCall", "secretsmanager.amazonaws.com", "ListSecrets", "")).isTrue();
        assertThat(readOnly("AwsApiCall", "secretsmanager.amazonaws.com", "GetSecretValue", "")).isTrue();
        assertThat(readOnly("AwsApiCall", "ec2.amazonaws.com", "DescribeInstances", "")).isTrue();
        assertThat(readOnly("AwsApiCall", "secretsmanager.amazonaws.com", "DeleteSecret", "")).isFalse();
        assertThat(readOnly("AwsApiCall", "events.amazonaws.com", "TestEventPattern", ""))
                .as("read-only, but not named so").isFalse();
        assertThat(readOnly("AwsApiCall", "sts.amazonaws.com", "GetSessionToken", "")).as("STS exception").isFalse();
        assertThat(readOnly("AwsApiCall", "sts.amazonaws.com", "GetFederationToken", "")).as("STS exception").isFalse();
        assertThat(readOnly("AwsApiCall", "sts.amazonaws.com", "GetCallerIdentity", "")).isTrue();
        assertThat(readOnly("AwsApiCall", "s3.amazonaws.com", "GetObject", ",\"eventCategory\":\"Data\""))
                .as("a data event").isFalse();
        assertThat(readOnly("AwsApiCall", "s3.amazonaws.com", "GetObject", ",\"managementEvent\":false"))
                .as("a data event").isFalse();
        assertThat(readOnly("AwsServiceEvent", "secretsmanager.amazonaws.com", "GetSomething", ""))
                .as("not an API call").isFalse();
    }

    static boolean readOnly(String eventType, String eventSource, String eventName, String more) {
        String r = record(eventType, eventSource, eventName);
        return EventBridgeEvent.fromCloudTrail(r.substring(0, r.length() - 1) + more + "}").isReadOnlyManagementEvent();
    }

    static String record(String eventType, String eventSource, String eventName) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"123456789012\"},"
                + "\"eventTime\":\"2026-11-21T12:00:00Z\",\"eventSource\":\"" + eventSource + "\",\"eventName\":\""
                + eventName + "\",\"awsRegion\":\"us-east-1\",\"eventType\":\"" + eventType + "\","
                + "\"recipientAccountId\":\"123456789012\"}";
    }

    static void assertUndeliverable(String record, UndeliverableEventException.Reason reason, String message) {
        assertThatThrownBy(() -> EventBridgeEvent.fromCloudTrail(record))
                .isInstanceOfSatisfying(UndeliverableEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }
}
