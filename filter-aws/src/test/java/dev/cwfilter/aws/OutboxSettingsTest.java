package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The outbox settings the three queued senders share ({@link OutboxBuilder}, {@link QueuedSender},
 * {@link Outbox.Listener#of}): each builder checks them the same way, and a sender built with them tells its counts
 * and closes. Nothing here reaches a service: the clients point at a closed port and nothing is sent.
 */
class OutboxSettingsTest {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    private static final StaticCredentialsProvider KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @Test
    void everyBuilderChecksTheCapacityTheSameWayAndAcceptsTheSettings() {
        try (SnsClient sns = SnsClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(KEYS).build();
             CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                     .credentialsProvider(KEYS).build()) {
            List<IntFunction<Object>> builders = List.of(
                    c -> SnsAlarmNotifier.builder(sns).capacity(c).whenFull(WhenFull.WAIT)
                            .closeTimeout(Duration.ofMillis(10)),
                    c -> SnsEventTarget.builder(sns).capacity(c).whenFull(WhenFull.WAIT)
                            .closeTimeout(Duration.ofMillis(10)),
                    c -> MetricDataStream.builder(cw).capacity(c).whenFull(WhenFull.WAIT)
                            .closeTimeout(Duration.ofMillis(10)));
            for (IntFunction<Object> b : builders) {
                assertThatThrownBy(() -> b.apply(0)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("capacity must be at least 1, not 0");
                assertThat(b.apply(1)).isNotNull();
            }
            assertThatThrownBy(() -> SnsEventTarget.builder(sns).whenFull(null))
                    .isInstanceOf(NullPointerException.class).hasMessage("whenFull");
            assertThatThrownBy(() -> MetricDataStream.builder(cw).closeTimeout(null))
                    .isInstanceOf(NullPointerException.class).hasMessage("closeTimeout");
        }
    }

    @Test
    void aSenderBuiltWithTheSettingsCountsAndCloses() throws InterruptedException {
        try (SnsClient sns = SnsClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(KEYS).build()) {
            SnsEventTarget target = SnsEventTarget.builder(sns).capacity(3).closeTimeout(Duration.ofMillis(50))
                    .build();
            assertThat(target.flush(Duration.ofSeconds(5))).isTrue();
            target.close();
            target.close();
            assertThat(target.counts().delivered()).isZero();
            assertThat(target.counts().failed()).isZero();
            assertThat(target.listenerFailures()).isEmpty();
        }
    }

    @Test
    void aListenerOfTwoFunctionsHearsEachOutcome() {
        List<String> heard = new ArrayList<>();
        Outbox.Listener<String> listener = Outbox.Listener.of((item, id) -> heard.add("delivered " + item + " " + id),
                (item, failure) -> heard.add("failed " + item + " " + failure.reason()));
        listener.delivered("a", "m-1");
        listener.failed("b", new DeliveryFailure(DeliveryFailure.Reason.CLOSED, "closed", java.util.Optional.empty()));
        assertThat(heard).containsExactly("delivered a m-1", "failed b CLOSED");
    }
}
