package dev.cwfilter.aws;

/**
 * What became of the items of an outbox ({@link SnsAlarmNotifier}'s notifications,
 * {@link MetricDataStream}'s data) so far. {@code created = delivered + failed + pending}, where failed counts every
 * reason and {@code rejected}, {@code abandoned}, {@code notSns} are parts of it. Immutable and thread-safe.
 *
 * @param created   items handed to the outbox (a transition makes one per SNS action)
 * @param delivered accepted by the service
 * @param failed    not delivered, for any reason
 * @param rejected  of the failed, refused because the outbox was full
 * @param abandoned of the failed, still queued or refused when the outbox closed
 * @param notSns    of the failed, destinations that are no SNS topic
 * @param pending   queued or being sent
 */
public record DeliveryCounts(long created, long delivered, long failed, long rejected, long abandoned, long notSns,
                             long pending) {
}
