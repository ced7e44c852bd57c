package dev.cwfilter.flink;

import dev.cwfilter.aws.AlarmMessages;
import dev.cwfilter.aws.AwsErrors;
import dev.cwfilter.aws.SnsEventTarget;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.function.SerializableSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Alarm transitions to the alarms' SNS actions, as CloudWatch publishes them (filter-aws's {@link AlarmMessages}: the
 * subject, and the JSON body, SMS and e-mail texts with {@code MessageStructure=json}), through Flink's two-phase sink:
 * a transition is published only once the checkpoint that follows it has completed.
 *
 * <pre>{@code
 * r.transitions().sinkTo(SnsNotificationSink.builder(pipeline)
 *         .sns(() -> AwsClients.builder().region("us-east-1").build().sns())   // a serializable supplier
 *         .region("us-east-1").accountId("123456789012").build());
 * }</pre>
 *
 * <h2>Delivery: at least once, with a key to drop duplicates by</h2>
 * The writer keeps the transitions of a checkpoint interval and hands them to the committer at the barrier; the
 * committer publishes them when the checkpoint is complete, one {@code Publish} per SNS topic among the transition's
 * actions (none when the alarm's actions are disabled). So a transition that a failure makes the job compute again is
 * not published twice: the first computation is discarded with the uncommitted interval. A notification is published
 * twice only when a {@code Publish} reached SNS but the job failed before Flink recorded the commit (the committer then
 * publishes it again after the restore: Flink re-commits what it cannot know was committed), or when the SDK retried a
 * {@code Publish} whose answer was lost. A repeat is the same message: CloudWatch's body names the alarm
 * ({@code AlarmArn}), {@code StateChangeTime}, {@code OldStateValue} and {@code NewStateValue}, which identify the
 * transition, and every notification also carries the message attribute {@value #NOTIFICATION_ID} (a SHA-256 of those
 * and the topic). On a FIFO topic ({@code .fifo}) that id is the {@code MessageDeduplicationId}, so SNS itself drops a
 * repeat within its five-minute window, and the message group is the alarm's, which keeps an alarm's notifications in
 * order.
 *
 * <h2>Failures</h2>
 * A Publish that fails after the SDK's retries (throttling, 5xx, timeouts, the endpoint down) is retried by Flink at the
 * next commit, and the notification stays in the checkpoints until then: nothing is lost. One SNS refuses for good
 * (a 4xx answer: no such topic, not authorised, invalid parameter) and an action that is not an SNS topic are logged as
 * errors with the notification and counted ({@code cwfilterSnsRefused}, {@code cwfilterSnsNotSns}); published ones are
 * counted in {@code cwfilterSnsPublished}. Latency: a notification leaves up to one checkpoint interval after its
 * transition.
 *
 * <p>Immutable and thread-safe; Flink makes one writer per task and one committer per committing task.
 */
public final class SnsNotificationSink implements Sink<AlarmStateChange>,
        SupportsCommitter<SnsNotificationSink.Notification> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SnsNotificationSink.class);

    /** The message attribute that identifies a notification: the same for every delivery of it. */
    public static final String NOTIFICATION_ID = "cwfilterNotificationId";

    private final Definitions definitions;
    private final SerializableSupplier<SnsClient> sns;
    private final String region;
    private final String accountId;

    private SnsNotificationSink(Builder b) {
        this.definitions = b.definitions;
        this.sns = Objects.requireNonNull(b.sns, "sns");
        this.region = b.region;
        this.accountId = b.accountId;
    }

    /** A builder of a sink for the transitions of the pipeline's alarms. */
    public static Builder builder(LogGroupPipeline pipeline) {
        return new Builder(pipeline.definitions());
    }

    /**
     * One notification to publish: a transition, to one topic. Immutable.
     *
     * @param topicArn the SNS topic
     * @param change   the transition
     */
    public record Notification(String topicArn, AlarmStateChange change) {

        /** Checks for null. */
        public Notification {
            Objects.requireNonNull(topicArn, "topicArn");
            Objects.requireNonNull(change, "change");
        }

        /**
         * The notification's identity: a SHA-256 (hex) of the alarm's name, the transition's time, old and new state,
         * and the topic — the same whenever the same transition is published to the same topic.
         */
        public String id() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update((change.alarmName() + "\n" + change.timestamp() + "\n" + change.oldState() + "\n"
                        + change.newState() + "\n" + topicArn).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    @Override
    public CommittingSinkWriter<AlarmStateChange, Notification> createWriter(WriterInitContext context) {
        return new CommittingSinkWriter<>() {
            private final List<Notification> interval = new ArrayList<>();

            @Override
            public void write(AlarmStateChange change, Context ctx) {
                for (String action : change.actions()) {
                    interval.add(new Notification(action, change));
                }
            }

            @Override
            public Collection<Notification> prepareCommit() {
                List<Notification> ready = List.copyOf(interval);
                interval.clear();
                return ready;
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Committer<Notification> createCommitter(CommitterInitContext context) {
        Counter published = context.metricGroup().counter("cwfilterSnsPublished");
        Counter refused = context.metricGroup().counter("cwfilterSnsRefused");
        Counter notSns = context.metricGroup().counter("cwfilterSnsNotSns");
        Map<String, MetricAlarm> alarms = new HashMap<>();
        definitions.alarms().forEach(a -> alarms.put(a.alarmName(), a));
        AlarmMessages.Builder mb = AlarmMessages.builder();
        if (region != null) {
            mb.region(region);
        }
        if (accountId != null) {
            mb.accountId(accountId);
        }
        AlarmMessages messages = mb.build();
        return new Committer<>() {
            private SnsClient client;

            @Override
            public void commit(Collection<CommitRequest<Notification>> requests) {
                for (CommitRequest<Notification> request : requests) {
                    Notification n = request.getCommittable();
                    MetricAlarm alarm = alarms.get(n.change().alarmName());
                    if (alarm == null || !SnsEventTarget.isSnsTopic(n.topicArn())) {
                        notSns.inc();
                        LOG.error("cwfilter: not published, {}: {} of alarm '{}' at {} ({} -> {})",
                                alarm == null ? "the alarm is not the job's" : "not an SNS topic (only SNS actions"
                                        + " are run)", n.topicArn(), n.change().alarmName(), n.change().timestamp(),
                                n.change().oldState(), n.change().newState());
                        continue;
                    }
                    try {
                        if (client == null) {
                            client = sns.get();
                        }
                        client.publish(request(n, alarm, messages));
                        published.inc();
                    } catch (SdkServiceException e) {
                        if (e.isThrottlingException() || e.statusCode() >= 500) {
                            LOG.warn("cwfilter: SNS Publish of '{}' to {} failed; retried at the next commit: {}",
                                    n.change().alarmName(), n.topicArn(), AwsErrors.describe(e));
                            request.retryLater();
                        } else {
                            refused.inc();
                            LOG.error("cwfilter: SNS refused the notification of alarm '{}' at {} ({} -> {}) to {}"
                                            + " (id {}): {}", n.change().alarmName(), n.change().timestamp(),
                                    n.change().oldState(), n.change().newState(), n.topicArn(), n.id(),
                                    AwsErrors.describe(e));
                        }
                    } catch (SdkClientException e) {
                        LOG.warn("cwfilter: SNS Publish of '{}' to {} failed; retried at the next commit: {}",
                                n.change().alarmName(), n.topicArn(), AwsErrors.describe(e));
                        request.retryLater();
                    } catch (SdkException e) {
                        LOG.warn("cwfilter: SNS Publish of '{}' to {} failed; retried at the next commit: {}",
                                n.change().alarmName(), n.topicArn(), AwsErrors.describe(e));
                        request.retryLater();
                    }
                }
            }

            @Override
            public void close() {
                if (client != null) {
                    client.close();
                }
            }
        };
    }

    /** The Publish request of a notification: CloudWatch's subject and message, the identity as an attribute. */
    static PublishRequest request(Notification n, MetricAlarm alarm, AlarmMessages messages) {
        String id = n.id();
        PublishRequest.Builder b = PublishRequest.builder().topicArn(n.topicArn())
                .subject(messages.subject(alarm, n.change())).messageStructure("json")
                .message(messages.messageStructure(alarm, n.change()))
                .messageAttributes(Map.of(NOTIFICATION_ID, MessageAttributeValue.builder().dataType("String")
                        .stringValue(id).build()));
        if (n.topicArn().endsWith(".fifo")) {
            b.messageDeduplicationId(id).messageGroupId(HexFormat.of().formatHex(sha256(alarm.alarmName())));
        }
        return b.build();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public SimpleVersionedSerializer<Notification> getCommittableSerializer() {
        return new NotificationSerializer();
    }

    /** The committables in checkpoints: the topic and the transition, in {@link CloudWatchTypes}' layout. */
    static final class NotificationSerializer implements SimpleVersionedSerializer<Notification> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Notification n) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(512);
            CloudWatchTypes.writeString(n.topicArn(), out);
            CloudWatchTypes.AlarmStateChangeSerializer.INSTANCE.serialize(n.change(), out);
            return out.getCopyOfBuffer();
        }

        @Override
        public Notification deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("a notification of version " + version + ", this release reads version 1");
            }
            DataInputDeserializer in = new DataInputDeserializer(serialized);
            String topic = CloudWatchTypes.readString(in);
            return new Notification(topic, CloudWatchTypes.AlarmStateChangeSerializer.INSTANCE.deserialize(in));
        }
    }

    /** Builds a {@link SnsNotificationSink}. Not thread-safe. */
    public static final class Builder {
        private final Definitions definitions;
        private SerializableSupplier<SnsClient> sns;
        private String region;
        private String accountId;

        private Builder(Definitions definitions) {
            this.definitions = definitions;
        }

        /** Makes the SNS client on the committing task (a serializable lambda: clients are not serializable). */
        public Builder sns(SerializableSupplier<SnsClient> sns) {
            this.sns = Objects.requireNonNull(sns, "sns");
            return this;
        }

        /** The region named in the messages of alarms without an ARN (as {@code AlarmMessages.Builder.region}). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account named in the messages of alarms without an ARN. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** Builds the sink. */
        public SnsNotificationSink build() {
            if (sns == null) {
                throw new IllegalStateException("the sink needs an SNS client: sns(() -> ...)");
            }
            return new SnsNotificationSink(this);
        }
    }
}
