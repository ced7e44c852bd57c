package dev.cwfilter.aws;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * How {@link SnsAlarmNotifier} and {@link SnsEventTarget} publish: what an SNS topic ARN looks like, and the
 * {@link Outbox.Sender} that makes one Publish call per item (with the SDK's retries), telling each outcome. Stateless.
 */
final class SnsPublish {

    private static final Pattern SNS_TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+");

    private SnsPublish() {
    }

    /** Whether an ARN is an SNS topic's. */
    static boolean isTopic(String arn) {
        return SNS_TOPIC.matcher(arn).matches();
    }

    /**
     * The sender publishing each item of a batch in order: delivered with SNS's message ID, or failed with
     * {@link DeliveryFailure.Reason#PUBLISH_FAILED} when Publish fails after the retries.
     *
     * @param describe the item in messages
     * @param request  fills the Publish request of an item (topic, message, ...)
     */
    static <T> Outbox.Sender<T> sender(SnsClient sns, Function<T, String> describe,
                                       BiConsumer<T, PublishRequest.Builder> request) {
        return (batch, outcomes) -> {
            for (T n : batch) {
                try {
                    PublishResponse response = sns.publish(r -> request.accept(n, r));
                    outcomes.delivered(n, response.messageId());
                } catch (SdkException | IllegalStateException e) {
                    outcomes.failed(n, DeliveryFailure.Reason.PUBLISH_FAILED, AwsErrors.describe(
                            "SNS Publish of " + describe.apply(n), e), e);
                }
            }
        };
    }
}
