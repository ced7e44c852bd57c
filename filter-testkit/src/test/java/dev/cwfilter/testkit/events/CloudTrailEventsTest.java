package dev.cwfilter.testkit.events;

import static dev.cwfilter.testkit.FilterAssertions.assertThatPattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudTrailEventsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(CloudTrailEvent e) throws Exception {
        return MAPPER.readTree(e.build());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void getSecretValueIsShapedLikeCloudTrailsRecord() throws Exception {
        CloudTrailEvent e = CloudTrailEvents.getSecretValue().user("alice").secret("prod/db")
                .at("2026-11-21T12:03:14Z");
        JsonNode r = json(e);
        assertThat(fieldNames(r)).containsExactly("eventVersion", "userIdentity", "eventTime", "eventSource",
                "eventName", "awsRegion", "sourceIPAddress", "userAgent", "requestParameters", "responseElements",
                "requestID", "eventID", "readOnly", "resources", "eventType", "managementEvent", "recipientAccountId",
                "eventCategory", "tlsDetails");
        assertThat(r.get("eventVersion").asText()).isEqualTo("1.09");
        assertThat(r.get("userIdentity").get("type").asText()).isEqualTo("IAMUser");
        assertThat(r.get("userIdentity").get("userName").asText()).isEqualTo("alice");
        assertThat(r.get("userIdentity").get("arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(r.get("userIdentity").get("accessKeyId").asText()).matches("AKIA[A-Z2-7]{16}");
        assertThat(r.get("userIdentity").get("principalId").asText()).matches("AIDA[A-Z2-7]{17}");
        assertThat(r.get("eventTime").asText()).isEqualTo("2026-11-21T12:03:14Z");
        assertThat(r.get("eventSource").asText()).isEqualTo("secretsmanager.amazonaws.com");
        assertThat(r.get("requestParameters").get("secretId").asText()).isEqualTo("prod/db");
        assertThat(r.get("responseElements").isNull()).isTrue();
        assertThat(r.get("readOnly").isBoolean()).isTrue();
        assertThat(r.get("managementEvent").asBoolean()).isTrue();
        assertThat(r.get("resources").get(0).get("ARN").asText())
                .matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-[A-Za-z0-9]{6}");
        assertThat(r.get("requestID").asText()).matches("[0-9a-f-]{36}");
        assertThat(r.get("tlsDetails").get("clientProvidedHostHeader").asText())
                .isEqualTo("secretsmanager.us-east-1.amazonaws.com");
        assertThat(e.eventName()).isEqualTo("GetSecretValue");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-21T12:03:14Z"));
        assertThat(e.toLogEvent().timestamp()).isEqualTo(Instant.parse("2026-11-21T12:03:14Z").toEpochMilli());
    }

    @Test
    void theSameEventBuildsToTheSameTextAndADifferentOneToDifferentIds() throws Exception {
        assertThat(CloudTrailEvents.getSecretValue().build()).isEqualTo(CloudTrailEvents.getSecretValue().build());
        assertThat(json(CloudTrailEvents.getSecretValue().at("12:00:01")).get("eventID"))
                .isNotEqualTo(json(CloudTrailEvents.getSecretValue()).get("eventID"));
    }

    @Test
    void eventsAreImmutable() {
        CloudTrailEvent base = CloudTrailEvents.getSecretValue();
        String before = base.build();
        base.user("bob").secret("other").accessDenied();
        assertThat(base.build()).isEqualTo(before);
    }

    @Test
    void accessDeniedUsesEachServicesErrorCode() throws Exception {
        JsonNode secret = json(CloudTrailEvents.getSecretValue().user("mallory").accessDenied());
        assertThat(secret.get("errorCode").asText()).isEqualTo("AccessDeniedException");
        assertThat(secret.get("errorMessage").asText()).isEqualTo("User: arn:aws:iam::123456789012:user/mallory is"
                + " not authorized to perform: secretsmanager:GetSecretValue on resource: prod/orders/db-password"
                + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
        assertThat(fieldNames(secret)).containsSequence("userAgent", "errorCode", "errorMessage",
                "requestParameters");
        assertThat(secret.has("resources")).isFalse();
        JsonNode s3 = json(CloudTrailEvents.getObject().accessDenied());
        assertThat(s3.get("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(s3.get("errorMessage").asText()).isEqualTo("Access Denied");
        assertThat(json(CloudTrailEvents.createUser().accessDenied()).get("errorCode").asText())
                .isEqualTo("AccessDenied");
    }

    @Test
    void aSecretPendingDeletionGivesTheMarkedForDeletionError() throws Exception {
        JsonNode r = json(CloudTrailEvents.putSecretValue().secret("prod/legacy/smtp-password").markedForDeletion());
        assertThat(r.get("errorCode").asText()).isEqualTo("InvalidRequestException");
        assertThat(r.get("errorMessage").asText())
                .isEqualTo("You can't perform this operation on the secret because it was marked for deletion.");
        assertThat(r.get("responseElements").isNull()).isTrue();
        assertThatThrownBy(() -> CloudTrailEvents.createUser().markedForDeletion())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void consoleSignInSuccessFailureMfaAndRoot() throws Exception {
        JsonNode ok = json(CloudTrailEvents.consoleLogin().user("alice").mfa(true));
        assertThat(ok.get("eventType").asText()).isEqualTo("AwsConsoleSignIn");
        assertThat(ok.get("eventSource").asText()).isEqualTo("signin.amazonaws.com");
        assertThat(ok.get("responseElements").get("ConsoleLogin").asText()).isEqualTo("Success");
        assertThat(ok.get("additionalEventData").get("MFAUsed").asText()).isEqualTo("Yes");
        assertThat(ok.get("userIdentity").has("accessKeyId")).isFalse();
        assertThat(ok.has("tlsDetails")).isFalse();
        JsonNode failed = json(CloudTrailEvents.consoleLogin().failure());
        assertThat(failed.get("responseElements").get("ConsoleLogin").asText()).isEqualTo("Failure");
        assertThat(failed.get("errorMessage").asText()).isEqualTo("Failed authentication");
        assertThat(failed.get("additionalEventData").get("MFAUsed").asText()).isEqualTo("No");
        JsonNode root = json(CloudTrailEvents.consoleLogin().root());
        assertThat(root.get("userIdentity").get("type").asText()).isEqualTo("Root");
        assertThat(root.get("userIdentity").get("arn").asText()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThatThrownBy(() -> CloudTrailEvents.getObject().failure()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void assumedRoleSessionsCarryTheirContext() throws Exception {
        JsonNode r = json(CloudTrailEvents.deleteSecret().assumedRole("Admin", "alice").mfa(true)
                .invokedBy("ecs-tasks.amazonaws.com"));
        JsonNode id = r.get("userIdentity");
        assertThat(id.get("type").asText()).isEqualTo("AssumedRole");
        assertThat(id.get("arn").asText()).isEqualTo("arn:aws:sts::123456789012:assumed-role/Admin/alice");
        assertThat(id.get("sessionContext").get("sessionIssuer").get("userName").asText()).isEqualTo("Admin");
        assertThat(id.get("sessionContext").get("attributes").get("mfaAuthenticated").asText()).isEqualTo("true");
        assertThat(id.get("invokedBy").asText()).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(r.get("responseElements").get("deletionDate").asText()).isEqualTo("Dec 21, 2026, 12:00:00 PM");
        assertThat(r.get("requestParameters").get("recoveryWindowInDays").asInt()).isEqualTo(30);
    }

    @Test
    void iamCallsAreGlobalAndNameTheirTarget() throws Exception {
        JsonNode r = json(CloudTrailEvents.attachUserPolicy().targetUser("mallory").region("eu-west-1"));
        assertThat(r.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(r.get("eventSource").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(r.get("requestParameters").get("userName").asText()).isEqualTo("mallory");
        assertThat(r.get("requestParameters").get("policyArn").asText())
                .isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
        JsonNode put = json(CloudTrailEvents.putRolePolicy().role("orders-service-task"));
        assertThat(put.get("requestParameters").get("policyDocument").isTextual()).isTrue();
        assertThat(MAPPER.readTree(put.get("requestParameters").get("policyDocument").asText())
                .get("Statement").get(0).get("Action").asText()).isEqualTo("secretsmanager:GetSecretValue");
        JsonNode created = json(CloudTrailEvents.createUser().targetUser("eve").at("12:03:14"));
        assertThat(created.get("responseElements").get("user").get("createDate").asText())
                .isEqualTo("Nov 21, 2026, 12:03:14 PM");
    }

    @Test
    void s3ObjectCallsAreDataEventsAndBucketCallsManagementEvents() throws Exception {
        JsonNode get = json(CloudTrailEvents.getObject().bucket("invoices").key("a.pdf"));
        assertThat(get.get("eventCategory").asText()).isEqualTo("Data");
        assertThat(get.get("managementEvent").asBoolean()).isFalse();
        assertThat(get.get("resources").get(0).get("ARN").asText()).isEqualTo("arn:aws:s3:::invoices/a.pdf");
        assertThat(get.get("additionalEventData").get("bytesTransferredOut").isNumber()).isTrue();
        JsonNode policy = json(CloudTrailEvents.putBucketPolicy().bucket("invoices"));
        assertThat(policy.get("eventCategory").asText()).isEqualTo("Management");
        assertThat(policy.get("requestParameters").get("bucketPolicy").get("Statement").isArray()).isTrue();
    }

    @Test
    void withAndWithoutEditTheRenderedRecord() throws Exception {
        JsonNode r = json(CloudTrailEvents.getSecretValue().with("requestParameters.versionStage", "AWSPREVIOUS")
                .with("additionalEventData.custom", List.of(1, 2)).without("tlsDetails"));
        assertThat(r.get("requestParameters").get("versionStage").asText()).isEqualTo("AWSPREVIOUS");
        assertThat(r.get("additionalEventData").get("custom").size()).isEqualTo(2);
        assertThat(r.has("tlsDetails")).isFalse();
    }

    @Test
    void everyEventNameBuildsValidJsonWithThatName() throws Exception {
        assertThat(CloudTrailEvents.eventNames()).contains("GetSecretValue", "PutSecretValue", "DeleteSecret",
                "CreateUser", "AttachUserPolicy", "PutRolePolicy", "GetObject", "PutBucketPolicy", "ConsoleLogin");
        for (String name : CloudTrailEvents.eventNames()) {
            assertThat(json(CloudTrailEvents.of(name)).get("eventName").asText()).isEqualTo(name);
        }
        assertThat(CloudTrailEvents.eventNames("secretsmanager.amazonaws.com")).contains("GetSecretValue")
                .doesNotContain("CreateUser");
        assertThatThrownBy(() -> CloudTrailEvents.of("GetSecret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GetSecretValue");
    }

    @Test
    void theCisBenchmarkFiltersCatchWhatTheyShould() {
        assertThatPattern("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS"
                + " && $.eventType != \"AwsServiceEvent\" }")
                .matches(CloudTrailEvents.consoleLogin().root().build())
                .doesNotMatch(CloudTrailEvents.consoleLogin().user("alice").build());
        assertThatPattern("{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }")
                .matches(CloudTrailEvents.consoleLogin().mfa(false).build())
                .doesNotMatch(CloudTrailEvents.consoleLogin().mfa(true).build());
        assertThatPattern("{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }")
                .matches(CloudTrailEvents.consoleLogin().failure().build());
        assertThatPattern("{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }")
                .matches(CloudTrailEvents.getSecretValue().accessDenied().build())
                .matches(CloudTrailEvents.getObject().accessDenied().build())
                .doesNotMatch(CloudTrailEvents.getSecretValue().markedForDeletion().build());
        assertThatPattern("{ ($.eventSource = s3.amazonaws.com) && ($.eventName = PutBucketPolicy) }")
                .matches(CloudTrailEvents.putBucketPolicy().build());
    }
}
