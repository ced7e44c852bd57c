package dev.cwfilter.testkit.events;

import dev.cwfilter.testkit.internal.Times;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of an Apache HTTP Server access log in the Combined Log Format ({@code %h %l %u %t "%r" %>s %b
 * "%{Referer}i" "%{User-agent}i"}), or the Common Log Format without the last two fields:
 *
 * <pre>
 * 198.51.100.7 - frank [21/Nov/2026:12:00:00 +0000] "GET /orders/1042 HTTP/1.1" 200 2326 "-" "curl/8.5.0"
 * </pre>
 *
 * The bracketed time and the quoted request are one field each for a space-delimited pattern such as
 * {@code [ip, identity, user, timestamp, request, status_code = 4*, size, referer, agent]}. A response without a
 * body logs its size as {@code -}.
 *
 * <p>Immutable and thread-safe: every setter returns a new entry.
 */
public final class ApacheAccessLogEntry implements SampleEvent<ApacheAccessLogEntry> {

    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String client;
    private final String user;
    private final Instant time;
    private final String method;
    private final String path;
    private final String protocol;
    private final int status;
    private final long size;
    private final String referer;
    private final String userAgent;
    private final boolean combined;

    private ApacheAccessLogEntry(String client, String user, Instant time, String method, String path,
                                 String protocol, int status, long size, String referer, String userAgent,
                                 boolean combined) {
        this.client = client;
        this.user = user;
        this.time = time;
        this.method = method;
        this.path = path;
        this.protocol = protocol;
        this.status = status;
        this.size = size;
        this.referer = referer;
        this.userAgent = userAgent;
        this.combined = combined;
    }

    /** {@code GET /orders/1042} from 198.51.100.7, 200 with 2,326 bytes, combined format, 2026-11-21 12:00:00 UTC. */
    public static ApacheAccessLogEntry get(String path) {
        return new ApacheAccessLogEntry("198.51.100.7", null, Times.parse("12:00:00"), "GET",
                Objects.requireNonNull(path, "path"), "HTTP/1.1", 200, 2326, null, "curl/8.5.0", true);
    }

    /** A request with another method. */
    public static ApacheAccessLogEntry request(String method, String path) {
        return get(path).method(method);
    }

    /** The client's address ({@code %h}). */
    public ApacheAccessLogEntry client(String address) {
        return new ApacheAccessLogEntry(Objects.requireNonNull(address, "address"), user, time, method, path,
                protocol, status, size, referer, userAgent, combined);
    }

    /** The authenticated user ({@code %u}; {@code -} if none, the default). */
    public ApacheAccessLogEntry user(String name) {
        return new ApacheAccessLogEntry(client, name, time, method, path, protocol, status, size, referer, userAgent,
                combined);
    }

    /** The request method. */
    public ApacheAccessLogEntry method(String value) {
        return new ApacheAccessLogEntry(client, user, time, Objects.requireNonNull(value, "value"), path, protocol,
                status, size, referer, userAgent, combined);
    }

    /** The HTTP status code. */
    public ApacheAccessLogEntry status(int code) {
        return new ApacheAccessLogEntry(client, user, time, method, path, protocol, code, size, referer, userAgent,
                combined);
    }

    /** The response body size in bytes; 0 logs as {@code -}, as Apache's {@code %b} does. */
    public ApacheAccessLogEntry size(long bytes) {
        return new ApacheAccessLogEntry(client, user, time, method, path, protocol, status, bytes, referer, userAgent,
                combined);
    }

    /** The Referer header ({@code -} if none, the default). */
    public ApacheAccessLogEntry referer(String value) {
        return new ApacheAccessLogEntry(client, user, time, method, path, protocol, status, size, value, userAgent,
                combined);
    }

    /** The User-Agent header. */
    public ApacheAccessLogEntry userAgent(String value) {
        return new ApacheAccessLogEntry(client, user, time, method, path, protocol, status, size, referer, value,
                combined);
    }

    /** The Common Log Format: no referer and user agent. */
    public ApacheAccessLogEntry commonFormat() {
        return new ApacheAccessLogEntry(client, user, time, method, path, protocol, status, size, referer, userAgent,
                false);
    }

    @Override
    public ApacheAccessLogEntry at(String timeText) {
        return new ApacheAccessLogEntry(client, user, Times.parse(Objects.requireNonNull(timeText, "time")), method,
                path, protocol, status, size, referer, userAgent, combined);
    }

    @Override
    public Instant time() {
        return time;
    }

    /** The log line. */
    @Override
    public String build() {
        StringBuilder sb = new StringBuilder();
        sb.append(client).append(" - ").append(user == null ? "-" : user)
                .append(" [").append(CLF_TIME.format(time)).append("] \"")
                .append(method).append(' ').append(path).append(' ').append(protocol).append("\" ")
                .append(status).append(' ').append(size == 0 ? "-" : Long.toString(size));
        if (combined) {
            sb.append(" \"").append(referer == null ? "-" : referer).append("\" \"")
                    .append(userAgent == null ? "-" : userAgent).append('"');
        }
        return sb.toString();
    }

    /** The line; the same as {@link #build()}. */
    @Override
    public String toString() {
        return build();
    }
}
