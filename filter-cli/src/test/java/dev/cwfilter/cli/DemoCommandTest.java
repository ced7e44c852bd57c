package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The demo's key numbers. They are the seed scenario's (filter-core's SeedScenarioTest asserts the same ones on the
 * same data), here as the demo prints them.
 */
class DemoCommandTest {

    static final Run DEMO = Run.of("demo");

    @Test
    void theDemoSucceedsWithoutArgumentsAndPrintsNothingOnStandardError() {
        assertThat(DEMO.code()).as(DEMO.toString()).isZero();
        assertThat(DEMO.err()).isEmpty();
    }

    @Test
    void itListsTheSixMatchingEventsWithUserAndError() {
        assertThat(DEMO.out()).contains("1. The events that match (6 of 127)")
                .contains("  12:03:14    Developer/alice               GetSecretValue\n")
                .contains("  12:41:30    mallory                       GetSecretValue  AccessDeniedException\n")
                .contains("  12:58:30    Developer/alice               GetSecretValue\n");
    }

    @Test
    void itPrintsTheFiveMinuteDatapoints() {
        assertThat(DEMO.out()).contains("  12:00–12:05                     16              2    0.125\n")
                .contains("  12:40–12:45                     12              2    0.167\n")
                .contains("  12:55–13:00                     10              1      0.1\n");
    }

    @Test
    void theTerminalChartShowsTheSumPerMinuteAndTheMinutesWithoutEvents() {
        String[] lines = DEMO.out().split("\n");
        int top = Arrays.asList(lines).indexOf(Arrays.stream(lines).filter(l -> l.startsWith("  2 │")).findFirst()
                .orElseThrow());
        assertThat(lines[top]).isEqualTo("  2 │   █                                     █");
        assertThat(lines[top + 1]).isEqualTo("  1 │   █             █            ···        █                █");
        assertThat(lines[top + 2]).startsWith("  0 └┬─────────┬");
        assertThat(lines[top + 3]).isEqualTo("     12:00     12:10     12:20     12:30     12:40     12:50");
    }

    @Test
    void theSumAlarmGoesToAlarmFourTimesAndTheAverageAlarmNever() {
        assertThat(DEMO.out()).contains("  12:04  OK                → ALARM              Threshold Crossed: 1 out of "
                        + "the last 1 datapoints [2.0 (21/11/26 12:03:00)]")
                .contains("  12:33  OK                → INSUFFICIENT_DATA  Insufficient Data: 1 datapoint was unknown.")
                .contains("  12:05  INSUFFICIENT_DATA → OK                 Threshold Crossed: 1 out of the last 1 "
                        + "datapoints [0.125 (21/11/26 12:00:00)]")
                .contains("  13:15  OK                → INSUFFICIENT_DATA")
                .contains("  4 times in ALARM").contains("  0 times in ALARM");
        assertThat(DEMO.out().split("\n  \\d\\d:\\d\\d  [A-Z_ ]{17} → ")).as("transitions").hasSize(1 + 12 + 2);
    }

    @Test
    void theNotificationsAreCloudWatchsEmails() {
        assertThat(DEMO.out()).contains("sends 4 e-mails, one per transition to ALARM")
                .contains("    You are receiving this email because your Amazon CloudWatch Alarm \"Secret is accessed"
                        + " (Sum)\" in the US East (N. Virginia) region has entered the ALARM state")
                .contains("and the same e-mail at 12:18, 12:42, 12:59.")
                .contains("\"Secret is accessed (Average)\" sends none: it never goes to ALARM.");
    }

    @Test
    void theLessonIsComputedFromTheData() {
        assertThat(DEMO.out()).contains("    12:00–12:05: 2 of 16 events matched → Average 0.125, Sum 2\n")
                .contains("    12:15–12:20: 1 of 11 events matched → Average 0.091, Sum 1\n")
                .contains("    12:40–12:45: 2 of 12 events matched → Average 0.167, Sum 2\n")
                .contains("    12:55–13:00: 1 of 10 events matched → Average 0.1, Sum 1\n")
                .contains("the highest Average was 0.167.");
    }

    @Test
    void theTermPatternsExtraMatchIsThePolicyThatMentionsGetSecretValue() {
        assertThat(DEMO.out()).contains("the pattern GetSecretValue matches 7 events, not 6")
                .contains("  12:22:10  Admin/alice  PutRolePolicy: its requestParameters.policyDocument mentions "
                        + "GetSecretValue.")
                .contains("the Sum alarm would also fire at 12:23.");
    }

    @Test
    void theSeedsSecondFilterRunsBesideTheFirstInOnePass() {
        assertThat(DEMO.out()).contains("9. A second filter in the same pass: AttemptsToAccessDeletedSecrets")
                .contains("  pattern  { $.eventName = \"GetSecretValue\" && $.errorMessage = \"*secret because it"
                        + " was marked for deletion*\" }\n")
                .contains("  Both filters of log group CloudTrail/DefaultLogGroup read each of the 127 events once,"
                        + " together: one walk of each event decides both patterns")
                .contains("  AttemptsToAccessDeletedSecrets matched 1 of them:\n")
                .contains("    12:41:52    Developer/alice  GetSecretValue  prod/legacy/smtp-password"
                        + "  InvalidRequestException\n")
                .contains("Its metric has 127 datapoints; Sum per minute above 0 at 12:41 (1).");
    }

    @Test
    void withoutAUtf8LocaleOrWithAsciiTheOutputIsPlainAscii() {
        Run ascii = Run.of("demo", "--ascii");
        Run posix = Run.withLocale("C", "demo");
        for (Run run : new Run[] {ascii, posix}) {
            assertThat(run.code()).isZero();
            assertThat(run.out().chars().filter(c -> c > 127)).as("non-ASCII characters").isEmpty();
            assertThat(run.out()).contains("  2 |   #                                     #")
                    .contains("12:04  OK                -> ALARM");
        }
    }

    @Test
    void theEventBridgeRuleMatchesTheDeleteAndTheRotationAndShowsTheSnsMessage() {
        assertThat(DEMO.out()).contains("8. The second path: an EventBridge rule on DeleteSecret and RotateSecret\n")
                .contains("  pattern  {\"source\":[\"aws.secretsmanager\"],\"detail-type\":[\"AWS API Call via"
                        + " CloudTrail\"],\"detail\":{\"eventName\":[\"DeleteSecret\",\"RotateSecret\"]}}\n")
                .contains("2 of 127 events match:")
                .contains("  12:23:00    Admin/alice  DeleteSecret  prod/legacy/smtp-password\n")
                .contains("  12:42:06    Admin/alice  RotateSecret  prod/orders/db-password\n")
                .contains("    \"arn:aws:sts::123456789012:assumed-role/Admin/alice called DeleteSecret on"
                        + " prod/legacy/smtp-password at 2026-11-21T12:23:00Z (rule secret-delete-or-rotate)\"\n")
                .contains("    \"arn:aws:sts::123456789012:assumed-role/Admin/alice called RotateSecret on"
                        + " prod/orders/db-password at 2026-11-21T12:42:06Z (rule secret-delete-or-rotate)\"\n")
                .contains("      \"detail-type\" : \"AWS API Call via CloudTrail\",\n")
                .contains("        \"eventName\" : \"DeleteSecret\",\n")
                .contains("A rule on GetSecretValue in state ENABLED would receive none of the 6 reads");
    }
}
