package dev.cwfilter.testkit.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries of the sample events, for property tests of one's own filters:
 *
 * <pre>{@code
 * @Property
 * void matchesEveryGetSecretValueAndNoOtherCall(@ForAll("cloudTrail") CloudTrailEvent event) {
 *     assertThat(FILTER.matches(event.build())).isEqualTo(event.eventName().equals("GetSecretValue"));
 * }
 *
 * @Provide
 * Arbitrary<CloudTrailEvent> cloudTrail() {
 *     return EventArbitraries.cloudTrailEvents();
 * }
 * }</pre>
 *
 * <p>CloudTrail events vary the call, the identity (IAM user, assumed role with or without MFA, root), the account,
 * region, source address, time, the names of secrets, buckets, keys, users and roles, and the outcome (mostly
 * success; access denied; marked for deletion for Secrets Manager calls; failed console sign-in). Values are the
 * immutable samples, so a property may vary them further ({@code event.user("bob")}). Times fall on 2026-11-21 UTC.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventArbitraries {

    private static final long DAY_START = Instant.parse("2026-11-21T00:00:00Z").getEpochSecond();

    private EventArbitraries() {
    }

    /** Any CloudTrail event with a sample ({@link CloudTrailEvents#eventNames()}). */
    public static Arbitrary<CloudTrailEvent> cloudTrailEvents() {
        return cloudTrailEventsOf(CloudTrailEvents.eventNames());
    }

    /** CloudTrail events with one of these event names. */
    public static Arbitrary<CloudTrailEvent> cloudTrailEvents(String... eventNames) {
        for (String name : eventNames) {
            CloudTrailEvents.of(name);
        }
        return cloudTrailEventsOf(Arrays.asList(eventNames));
    }

    /** CloudTrail events with any event name except these. */
    public static Arbitrary<CloudTrailEvent> cloudTrailEventsExcept(String... eventNames) {
        List<String> names = new ArrayList<>(CloudTrailEvents.eventNames());
        names.removeAll(Arrays.asList(eventNames));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no event name is left");
        }
        return cloudTrailEventsOf(names);
    }

    private static Arbitrary<CloudTrailEvent> cloudTrailEventsOf(List<String> names) {
        Arbitrary<CloudTrailEvent> base = Arbitraries.of(names).map(CloudTrailEvents::of);
        Arbitrary<CloudTrailEvent> withIdentity = Combinators.combine(base, identities(), Arbitraries.of(true, false))
                .as((event, identity, mfa) -> identity.apply(event).mfa(mfa));
        Arbitrary<CloudTrailEvent> placed = Combinators.combine(withIdentity, times(), regions(), ipAddresses(),
                        Arbitraries.of("123456789012", "210987654321", "111122223333"))
                .as((event, time, region, ip, account) -> event.at(time).region(region).sourceIp(ip)
                        .account(account));
        Arbitrary<CloudTrailEvent> named = Combinators.combine(placed, names("prod/orders/db-password",
                        "prod/payments/api-key", "staging/smtp-password"), names("orders-invoices", "audit-logs",
                        "public-assets"), names("reports/2026/11/summary.csv", "invoice-1042.pdf", "index.html"),
                        names("bob", "carol", "deploy-bot"), names("orders-service-task", "Admin", "ReadOnly"))
                .as((event, secret, bucket, key, user, role) -> event.secret(secret).bucket(bucket).key(key)
                        .targetUser(user).role(role));
        return Combinators.combine(named, Arbitraries.integers().between(0, 9)).as(EventArbitraries::outcome);
    }

    /** Mostly successes; some denied calls; secrets marked for deletion; failed sign-ins. */
    private static CloudTrailEvent outcome(CloudTrailEvent event, int dice) {
        if (dice < 7) {
            return event;
        }
        if (dice == 9 && event.eventSource().equals("secretsmanager.amazonaws.com")) {
            return event.markedForDeletion();
        }
        return event.accessDenied();
    }

    private interface Identity {
        CloudTrailEvent apply(CloudTrailEvent e);
    }

    private static Arbitrary<Identity> identities() {
        Arbitrary<String> people = names("alice", "bob", "mallory", "deploy-bot", "svc.reporting");
        Arbitrary<Identity> users = people.map(n -> e -> e.user(n));
        Arbitrary<Identity> roles = Combinators.combine(names("Developer", "Admin", "orders-service-task"), people)
                .as((role, session) -> e -> e.assumedRole(role, session));
        Arbitrary<Identity> root = Arbitraries.just(CloudTrailEvent::root);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, users), net.jqwik.api.Tuple.of(4, roles),
                net.jqwik.api.Tuple.of(1, root));
    }

    /** Names from a few realistic ones, sometimes a generated one. */
    private static Arbitrary<String> names(String... examples) {
        Arbitrary<String> generated = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_')
                .ofMinLength(1).ofMaxLength(24).filter(s -> Character.isLetter(s.charAt(0)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(examples)),
                net.jqwik.api.Tuple.of(1, generated));
    }

    /** Times on 2026-11-21 UTC, to the second. */
    public static Arbitrary<String> times() {
        return Arbitraries.longs().between(0, 86_399).map(s -> Instant.ofEpochSecond(DAY_START + s).toString());
    }

    private static Arbitrary<String> regions() {
        return Arbitraries.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2");
    }

    /** IPv4 addresses from the documentation ranges and private networks. */
    public static Arbitrary<String> ipAddresses() {
        return Combinators.combine(Arbitraries.of("203.0.113", "198.51.100", "192.0.2", "10.0.1"),
                Arbitraries.integers().between(1, 254)).as((net, host) -> net + "." + host);
    }

    /** VPC flow log records: accepted and rejected TCP, UDP and ICMP flows, some NODATA and SKIPDATA. */
    public static Arbitrary<VpcFlowLogRecord> vpcFlowLogRecords() {
        Arbitrary<VpcFlowLogRecord> flows = Combinators.combine(ipAddresses(), ipAddresses(),
                        Arbitraries.integers().between(1024, 65535), Arbitraries.of(22, 80, 443, 3389, 5432, 53),
                        Arbitraries.of(6, 17, 1), Arbitraries.of("ACCEPT", "REJECT"), times(),
                        Arbitraries.longs().between(1, 10_000))
                .as((src, dst, sport, dport, proto, action, time, packets) -> VpcFlowLogRecord.accepted()
                        .source(src, sport).destination(dst, dport).protocol(proto).action(action).at(time)
                        .traffic(packets, packets * 212));
        return Combinators.combine(flows, Arbitraries.integers().between(0, 19)).as((r, dice) ->
                dice == 0 ? r.noData() : dice == 1 ? r.skipData() : r);
    }

    /** Apache access log lines: a few methods and paths, status codes 2xx to 5xx, both log formats. */
    public static Arbitrary<ApacheAccessLogEntry> apacheAccessLogEntries() {
        Arbitrary<ApacheAccessLogEntry> requests = Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "DELETE",
                                "HEAD"), Arbitraries.of("/", "/orders/1042", "/login", "/static/app.js",
                                "/admin?debug=true"), ipAddresses(),
                        Arbitraries.of(200, 201, 204, 301, 304, 400, 401, 403, 404, 429, 500, 502, 503),
                        Arbitraries.longs().between(0, 5_000_000), times(),
                        Arbitraries.of("frank", "-", "alice"))
                .as((method, path, ip, status, size, time, user) -> ApacheAccessLogEntry.request(method, path)
                        .client(ip).status(status).size(size).at(time).user(user.equals("-") ? null : user));
        return Combinators.combine(requests, Arbitraries.of(true, false))
                .as((entry, common) -> common ? entry.commonFormat() : entry);
    }

    /** Lambda log lines: JSON application lines at each level, plain-text lines, START, END, REPORT and timeouts. */
    public static Arbitrary<LambdaLogLine> lambdaLogLines() {
        Arbitrary<LambdaLogLine> json = Combinators.combine(Arbitraries.of("INFO", "WARN", "ERROR", "DEBUG"),
                        Arbitraries.of("order placed", "payment declined", "retrying", "cache miss"),
                        Arbitraries.integers().between(1, 5000))
                .as((level, message, latency) -> LambdaLogLine.json(level, "{\"level\":\"" + level
                        + "\",\"message\":\"" + message + "\",\"latencyMs\":" + latency + "}"));
        Arbitrary<LambdaLogLine> text = Arbitraries.of("INFO", "ERROR")
                .map(level -> LambdaLogLine.text(level, level.equals("ERROR") ? "Unhandled exception: timeout"
                        : "processing batch"));
        Arbitrary<LambdaLogLine> platform = Arbitraries.of(LambdaLogLine.start(), LambdaLogLine.end(),
                LambdaLogLine.report(), LambdaLogLine.timeout());
        Arbitrary<LambdaLogLine> any = Arbitraries.oneOf(json, text, platform);
        return Combinators.combine(any, times(), Arbitraries.integers().between(0, 9999))
                .as((line, time, n) -> line.at(time).requestId(String.format("%08x-7d4a-4c1e-9a53-%012d", n * 7919L,
                        n)));
    }

    /** The messages of an arbitrary of sample events. */
    public static Arbitrary<String> messages(Arbitrary<? extends SampleEvent<?>> events) {
        Objects.requireNonNull(events, "events");
        return events.map(SampleEvent::build);
    }
}
