package dev.cwfilter.flink;

import dev.cwfilter.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records as log events: the record's value (UTF-8) is the message; the timestamp is the record's own (the
 * producer's or the broker's, {@link Timestamp#RECORD}) or read from the message as a JSON line is
 * ({@link Timestamp#MESSAGE}: {@code timestamp}, else {@code eventTime}). A record without a value, or without a
 * timestamp where one is read from the message, becomes an event that {@link LogGroupOperator} reports.
 *
 * <p>Immutable and thread-safe.
 */
public final class KafkaLogEvents implements KafkaRecordDeserializationSchema<LogEvent> {

    private static final long serialVersionUID = 1L;

    /** Where an event's time comes from. */
    public enum Timestamp {
        /** The Kafka record's timestamp. */
        RECORD,
        /** The message's {@code timestamp} or {@code eventTime} field, as for JSON lines. */
        MESSAGE
    }

    private final Timestamp timestamp;

    /** A deserializer taking the time as {@code timestamp} says. */
    public KafkaLogEvents(Timestamp timestamp) {
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LogEvent> out) {
        String message = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        long t = timestamp == Timestamp.RECORD ? (record.timestamp() < 0 ? LogEventFormats.NO_TIMESTAMP
                : record.timestamp()) : LogEventFormats.timestampOf(message);
        out.collect(new LogEvent(t, message));
    }

    @Override
    public TypeInformation<LogEvent> getProducedType() {
        return CloudWatchTypes.LOG_EVENT;
    }
}
