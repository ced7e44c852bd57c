package dev.cwfilter.testkit.events;

import dev.cwfilter.testkit.internal.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * One VPC flow log record in the default (version 2) format, as VPC Flow Logs writes it to CloudWatch Logs:
 *
 * <pre>
 * version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
 * 2 123456789012 eni-0a1b2c3d4e5f60718 203.0.113.12 10.0.1.25 49152 22 6 20 4249 1795262400 1795262460 REJECT OK
 * </pre>
 *
 * A space-delimited pattern reads it field by field, for example
 * {@code [version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes,
 * windowstart, windowend, action="REJECT", flowlogstatus]}. A {@code NODATA} or {@code SKIPDATA} record has
 * {@code -} in every field after the interface id except start, end and log-status, as the service writes it.
 *
 * <p>Immutable and thread-safe: every setter returns a new record.
 */
public final class VpcFlowLogRecord implements SampleEvent<VpcFlowLogRecord> {

    private final String account;
    private final String interfaceId;
    private final String source;
    private final String destination;
    private final int sourcePort;
    private final int destinationPort;
    private final int protocol;
    private final long packets;
    private final long bytes;
    private final Instant start;
    private final int durationSeconds;
    private final String action;
    private final String logStatus;

    VpcFlowLogRecord(String account, String interfaceId, String source, String destination, int sourcePort,
                     int destinationPort, int protocol, long packets, long bytes, Instant start, int durationSeconds,
                     String action, String logStatus) {
        this.account = account;
        this.interfaceId = interfaceId;
        this.source = source;
        this.destination = destination;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.protocol = protocol;
        this.packets = packets;
        this.bytes = bytes;
        this.start = start;
        this.durationSeconds = durationSeconds;
        this.action = action;
        this.logStatus = logStatus;
    }

    /**
     * An accepted TCP flow of 20 packets from 203.0.113.12:49152 to 10.0.1.25:443 on interface
     * {@code eni-0a1b2c3d4e5f60718}, account 123456789012, in the minute from 2026-11-21 12:00:00 UTC.
     */
    public static VpcFlowLogRecord accepted() {
        return new VpcFlowLogRecord(CloudTrailEvent.DEFAULT_ACCOUNT, "eni-0a1b2c3d4e5f60718", "203.0.113.12",
                "10.0.1.25", 49152, 443, 6, 20, 4249, Times.parse("12:00:00"), 60, "ACCEPT", "OK");
    }

    /** A rejected flow: {@link #accepted()} with action {@code REJECT}. */
    public static VpcFlowLogRecord rejected() {
        return accepted().action("REJECT");
    }

    /** The source address and port. */
    public VpcFlowLogRecord source(String address, int port) {
        Objects.requireNonNull(address, "address");
        return new VpcFlowLogRecord(account, interfaceId, address, destination, port, destinationPort, protocol,
                packets, bytes, start, durationSeconds, action, logStatus);
    }

    /** The destination address and port. */
    public VpcFlowLogRecord destination(String address, int port) {
        Objects.requireNonNull(address, "address");
        return new VpcFlowLogRecord(account, interfaceId, source, address, sourcePort, port, protocol, packets,
                bytes, start, durationSeconds, action, logStatus);
    }

    /** The IANA protocol number: 6 TCP (default), 17 UDP, 1 ICMP. */
    public VpcFlowLogRecord protocol(int number) {
        return new VpcFlowLogRecord(account, interfaceId, source, destination, sourcePort, destinationPort, number,
                packets, bytes, start, durationSeconds, action, logStatus);
    }

    /** The packet and byte counts. */
    public VpcFlowLogRecord traffic(long packetCount, long byteCount) {
        return new VpcFlowLogRecord(account, interfaceId, source, destination, sourcePort, destinationPort, protocol,
                packetCount, byteCount, start, durationSeconds, action, logStatus);
    }

    /** {@code ACCEPT} or {@code REJECT}. */
    public VpcFlowLogRecord action(String value) {
        Objects.requireNonNull(value, "value");
        return new VpcFlowLogRecord(account, interfaceId, source, destination, sourcePort, destinationPort, protocol,
                packets, bytes, start, durationSeconds, value, logStatus);
    }

    /** The account id. */
    public VpcFlowLogRecord account(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return new VpcFlowLogRecord(accountId, interfaceId, source, destination, sourcePort, destinationPort,
                protocol, packets, bytes, start, durationSeconds, action, logStatus);
    }

    /** The network interface id. */
    public VpcFlowLogRecord interfaceId(String eni) {
        Objects.requireNonNull(eni, "eni");
        return new VpcFlowLogRecord(account, eni, source, destination, sourcePort, destinationPort, protocol,
                packets, bytes, start, durationSeconds, action, logStatus);
    }

    /** A record of an interval without traffic: log-status {@code NODATA}, {@code -} in the traffic fields. */
    public VpcFlowLogRecord noData() {
        return new VpcFlowLogRecord(account, interfaceId, source, destination, sourcePort, destinationPort, protocol,
                packets, bytes, start, durationSeconds, action, "NODATA");
    }

    /** A record of an interval whose records were skipped: log-status {@code SKIPDATA}. */
    public VpcFlowLogRecord skipData() {
        return new VpcFlowLogRecord(account, interfaceId, source, destination, sourcePort, destinationPort, protocol,
                packets, bytes, start, durationSeconds, action, "SKIPDATA");
    }

    /** The aggregation interval starts at this time (it lasts 60 seconds). */
    @Override
    public VpcFlowLogRecord at(String time) {
        return new VpcFlowLogRecord(account, interfaceId, source, destination, sourcePort, destinationPort, protocol,
                packets, bytes, Times.parse(Objects.requireNonNull(time, "time")), durationSeconds, action,
                logStatus);
    }

    @Override
    public Instant time() {
        return start;
    }

    /** The record as one line of 14 space-separated fields. */
    @Override
    public String build() {
        long startSeconds = start.getEpochSecond();
        if (!logStatus.equals("OK")) {
            return String.join(" ", "2", account, interfaceId, "-", "-", "-", "-", "-", "-", "-",
                    Long.toString(startSeconds), Long.toString(startSeconds + durationSeconds), "-", logStatus);
        }
        return String.join(" ", "2", account, interfaceId, source, destination, Integer.toString(sourcePort),
                Integer.toString(destinationPort), Integer.toString(protocol), Long.toString(packets),
                Long.toString(bytes), Long.toString(startSeconds), Long.toString(startSeconds + durationSeconds),
                action, logStatus);
    }

    /** The line; the same as {@link #build()}. */
    @Override
    public String toString() {
        return build();
    }
}
