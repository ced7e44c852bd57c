package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.LogEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A log group followed as {@code aws logs tail --follow} follows it, against moto's CloudWatch Logs. */
class LogGroupFollowerTest {

    @RegisterExtension
    static final MotoAccount MOTO = new MotoAccount();

    static String group(String... streams) {
        String group = "/follow/" + UUID.randomUUID();
        MOTO.aws().logs().createLogGroup(b -> b.logGroupName(group));
        for (String s : streams) {
            MOTO.aws().logs().createLogStream(b -> b.logGroupName(group).logStreamName(s));
        }
        return group;
    }

    static void put(String group, String stream, long... timestamps) {
        List<InputLogEvent> batch = new ArrayList<>();
        for (long t : timestamps) {
            batch.add(InputLogEvent.builder().timestamp(t).message(stream + "@" + t).build());
        }
        MOTO.aws().logs().putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(batch));
    }

    static List<String> messages(List<LogEvent> events) {
        return events.stream().map(LogEvent::message).toList();
    }

    /**
     * Each poll hands over what arrived since the last one, once: events of the newest timestamp seen again are not
     * handed over twice, and nothing before the start time is.
     */
    @Test
    void eachPollHandsOverWhatArrivedSinceTheLastOneExactlyOnce() {
        long t = (System.currentTimeMillis() - 600_000L) / 1000 * 1000;
        String group = group("a", "b");
        put(group, "a", t - 5_000, t, t + 1_000);
        LogGroupFollower follower = LogGroupFollower.builder(MOTO.aws().logs(), group, t).build();
        List<LogEvent> got = new ArrayList<>();
        LogGroupFollower.Poll first = follower.poll(got::add);
        assertThat(messages(got)).containsExactly("a@" + t, "a@" + (t + 1_000));
        assertThat(first).isEqualTo(new LogGroupFollower.Poll(1, 2));
        assertThat(follower.position()).isEqualTo(t + 1_000);

        got.clear();
        assertThat(follower.poll(got::add).events()).isZero();
        assertThat(got).isEmpty();

        // A second event at the newest timestamp, and newer ones in another stream.
        put(group, "b", t + 1_000, t + 2_000);
        put(group, "a", t + 3_000);
        follower.poll(got::add);
        assertThat(messages(got)).containsExactlyInAnyOrder("b@" + (t + 1_000), "b@" + (t + 2_000),
                "a@" + (t + 3_000));
        assertThat(follower.events()).isEqualTo(5);
        assertThat(follower.polls()).isEqualTo(3);
    }

    /**
     * Without a lookback an event older than the newest one seen is never handed over, as with aws logs tail; with a
     * lookback, one that arrives up to that late is handed over once, and one later still is not.
     */
    @Test
    void aLookbackCatchesEventsThatArriveLateAndOnlyOnce() {
        long t = (System.currentTimeMillis() - 600_000L) / 1000 * 1000;
        String group = group("a", "lagging");
        put(group, "a", t, t + 60_000);
        LogGroupFollower tail = LogGroupFollower.builder(MOTO.aws().logs(), group, t).build();
        LogGroupFollower windowed = LogGroupFollower.builder(MOTO.aws().logs(), group, t)
                .lookback(Duration.ofSeconds(30)).build();
        List<LogEvent> fromTail = new ArrayList<>();
        List<LogEvent> fromWindow = new ArrayList<>();
        tail.poll(fromTail::add);
        windowed.poll(fromWindow::add);
        assertThat(fromWindow).hasSize(2);
        assertThat(windowed.position()).isEqualTo(t + 30_000);

        // A stream that lags delivers two events now: one 20 s before the newest, one 50 s before it.
        put(group, "lagging", t + 10_000, t + 40_000);
        fromTail.clear();
        fromWindow.clear();
        tail.poll(fromTail::add);
        windowed.poll(fromWindow::add);
        assertThat(fromTail).isEmpty();
        assertThat(messages(fromWindow)).containsExactly("lagging@" + (t + 40_000));
        fromWindow.clear();
        windowed.poll(fromWindow::add);
        assertThat(fromWindow).isEmpty();
    }

    @Test
    void pollsReadEveryPageAndAStoppedPollResumesWithoutRepeating() {
        long t = (System.currentTimeMillis() - 3_600_000L) / 1000 * 1000;
        String group = group("s");
        for (int batch = 0; batch < 2; batch++) {
            long[] times = new long[6_000];
            for (int i = 0; i < times.length; i++) {
                times[i] = t + (batch * 6_000L + i) * 100;
            }
            put(group, "s", times);
        }
        LogGroupFollower follower = LogGroupFollower.builder(MOTO.aws().logs(), group, t).build();
        int before = MOTO.proxy().calls("logs", "FilterLogEvents");
        List<LogEvent> got = new ArrayList<>();
        LogGroupFollower.Poll poll = follower.poll(got::add);
        assertThat(got).hasSize(12_000);
        assertThat(poll.pages()).isEqualTo(2);
        assertThat(MOTO.proxy().calls("logs", "FilterLogEvents") - before).isEqualTo(2);
        assertThat(got).extracting(LogEvent::message).doesNotHaveDuplicates();

        LogGroupFollower stopping = LogGroupFollower.builder(MOTO.aws().logs(), group, t).build();
        List<LogEvent> some = new ArrayList<>();
        assertThat(stopping.poll(e -> some.add(e) && some.size() < 100).events()).isEqualTo(100);
        stopping.poll(some::add);
        assertThat(some).hasSize(12_000).extracting(LogEvent::message).doesNotHaveDuplicates();
    }

    /** A call that fails past the SDK's retries is reported; the next poll resumes, nothing handed over twice. */
    @Test
    void aFailedPollIsReportedAndTheNextResumes() {
        long t = (System.currentTimeMillis() - 600_000L) / 1000 * 1000;
        String group = group("s");
        put(group, "s", t, t + 1);
        LogGroupFollower follower = LogGroupFollower.builder(MOTO.aws().logs(), group, t).build();
        List<LogEvent> got = new ArrayList<>();
        follower.poll(got::add);
        put(group, "s", t + 2);
        MOTO.proxy().failNext("logs", "FilterLogEvents", 3, 500, "ServiceUnavailableException");
        assertThatThrownBy(() -> follower.poll(got::add)).isInstanceOf(AwsCallException.class)
                .hasMessageContaining("FilterLogEvents on log group " + group)
                .hasMessageContaining("ServiceUnavailableException").hasMessageContaining("after 3 attempts");
        follower.poll(got::add);
        assertThat(messages(got)).containsExactly("s@" + t, "s@" + (t + 1), "s@" + (t + 2));

        assertThatThrownBy(() -> LogGroupFollower.builder(MOTO.aws().logs(), "/no/such/group", t).build()
                        .poll(e -> true))
                .isInstanceOf(AwsCallException.class).hasMessageContaining("ResourceNotFoundException");
    }
}
