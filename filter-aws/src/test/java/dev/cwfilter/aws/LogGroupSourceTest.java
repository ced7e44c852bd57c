package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A log group's events through FilterLogEvents, page by page. */
class LogGroupSourceTest {

    @RegisterExtension
    static final MotoAccount MOTO = new MotoAccount();

    @Test
    void everyEventOfTheRangeIsReadAcrossPagesAndStreams() {
        String group = "/test/" + UUID.randomUUID();
        MOTO.aws().logs().createLogGroup(b -> b.logGroupName(group));
        long start = (System.currentTimeMillis() - 3_600_000L) / 60_000 * 60_000;
        int perStream = 6000;
        for (String stream : List.of("a", "b")) {
            MOTO.aws().logs().createLogStream(b -> b.logGroupName(group).logStreamName(stream));
            List<InputLogEvent> batch = new ArrayList<>();
            for (int i = 0; i < perStream; i++) {
                batch.add(InputLogEvent.builder().timestamp(start + i * 500L).message(stream + " " + i).build());
            }
            MOTO.aws().logs().putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(batch));
        }
        long end = start + 2000 * 500L; // the first 2,000 events of each stream
        int before = MOTO.proxy().calls("logs", "FilterLogEvents");
        List<LogEvent> events = new ArrayList<>();
        LogGroupSource.Summary all = LogGroupSource.builder(MOTO.aws().logs(), group, start, start + perStream * 500L)
                .build().read(events::add);
        assertThat(events).hasSize(2 * perStream);
        assertThat(all.events()).isEqualTo(2 * perStream);
        assertThat(all.pages()).isGreaterThan(1);
        assertThat(MOTO.proxy().calls("logs", "FilterLogEvents") - before).isEqualTo((int) all.pages());

        events.clear();
        LogGroupSource.builder(MOTO.aws().logs(), group, start, end).build().read(events::add);
        assertThat(events).hasSize(4000).allSatisfy(e -> assertThat(e.timestamp()).isBetween(start, end - 1));

        events.clear();
        LogGroupSource.builder(MOTO.aws().logs(), group, start, end).logStreamNamePrefix("b").build().read(events::add);
        assertThat(events).hasSize(2000).allSatisfy(e -> assertThat(e.message()).startsWith("b "));

        // Stopping early fetches no further page.
        int beforeStop = MOTO.proxy().calls("logs", "FilterLogEvents");
        events.clear();
        LogGroupSource.Summary stopped = LogGroupSource.builder(MOTO.aws().logs(), group, start,
                start + perStream * 500L).build().read(e -> events.add(e) && events.size() < 10);
        assertThat(stopped.pages()).isEqualTo(1);
        assertThat(MOTO.proxy().calls("logs", "FilterLogEvents") - beforeStop).isEqualTo(1);
    }

    @Test
    void aMissingLogGroupIsAClearFailure() {
        assertThatThrownBy(() -> LogGroupSource.builder(MOTO.aws().logs(), "/no/such/group", 0, 1000).build()
                .read(e -> true))
                .isInstanceOf(AwsCallException.class)
                .hasMessageContaining("FilterLogEvents on log group /no/such/group")
                .hasMessageContaining("ResourceNotFoundException");
    }

    @Test
    void throttlingIsRetriedByTheSdkAndEveryEventStillArrives() {
        String group = "/throttled/" + UUID.randomUUID();
        MOTO.aws().logs().createLogGroup(b -> b.logGroupName(group));
        MOTO.aws().logs().createLogStream(b -> b.logGroupName(group).logStreamName("s"));
        long start = (System.currentTimeMillis() - 3_600_000L) / 60_000 * 60_000;
        List<InputLogEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(InputLogEvent.builder().timestamp(start + i).message("m" + i).build());
        }
        MOTO.aws().logs().putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(batch));
        MOTO.proxy().failNext("logs", "FilterLogEvents", 2, 400, "ThrottlingException");
        int before = MOTO.proxy().calls("logs", "FilterLogEvents");
        List<LogEvent> events = new ArrayList<>();
        LogGroupSource.builder(MOTO.aws().logs(), group, start, start + 1000).build().read(events::add);
        assertThat(events).hasSize(100);
        assertThat(MOTO.proxy().calls("logs", "FilterLogEvents") - before).isEqualTo(3);

        MOTO.proxy().failNext("logs", "FilterLogEvents", 3, 500, "ServiceUnavailableException");
        assertThatThrownBy(() -> LogGroupSource.builder(MOTO.aws().logs(), group, start, start + 1000).build()
                .read(e -> true))
                .isInstanceOf(AwsCallException.class)
                .hasMessageContaining("FilterLogEvents on log group " + group)
                .hasMessageContaining("ServiceUnavailableException").hasMessageContaining("after 3 attempts");
    }
}
