package dev.cwfilter.testkit.events;

import dev.cwfilter.propcheck.Gen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Generators of the sample events, for property tests of one's own filters. A generator is a {@link Gen}: a plain
 * function from a {@link java.util.random.RandomGenerator} (in the JDK) to a value, so it plugs into whichever
 * property-testing library a project uses. With cwfilter's own runner, {@code filter-propcheck}, which shrinks a
 * failing event to a minimal one and derives its seed from the test's name:
 *
 * <pre>{@code
 * @Test
 * void matchesEveryGetSecretValueAndNoOtherCall() {
 *     PropCheck.forAll(EventGenerators.cloudTrailEvents(), event -> {
 *         assertThat(FILTER.matches(event.build())).isEqualTo(event.eventName().equals("GetSecretValue"));
 *     });
 * }
 * }</pre>
 *
 * <p>In a plain JUnit test, draw from a seeded source; with another library, hand it {@code gen::generate}, a
 * {@code Function<RandomGenerator, T>}:
 *
 * <pre>{@code
 * Gen<CloudTrailEvent> events = EventGenerators.cloudTrailEvents();
 * RandomGenerator random = new SplittableRandom(42);
 * for (int i = 0; i < 200; i++) {
 *     CloudTrailEvent event = events.generate(random);
 *     ...
 * }
 * }</pre>
 *
 * <p>CloudTrail events vary the call, the identity (IAM user, assumed role with or without MFA, root), the account,
 * region, source address, time, the names of secrets, buckets, keys, users and roles, and the outcome (mostly
 * success; access denied; marked for deletion for Secrets Manager calls; failed console sign-in). Values are the
 * immutable samples, so a property may vary them further ({@code event.user("bob")}). Times fall on 2026-11-21 UTC.
 * Every generator draws all its randomness from the {@code RandomGenerator} it is given, so the same seed gives the
 * same events, and a zero draw gives the first (plainest) choice, which is what lets a runner shrink.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventGenerators {

    private static final long DAY_START = Instant.parse("2026-11-21T00:00:00Z").getEpochSecond();

    private EventGenerators() {
    }

    /**
     * Any CloudTrail event with a sample ({@link CloudTrailEvents#eventNames()}).
     *
     * @return the generator
     */
    public static Gen<CloudTrailEvent> cloudTrailEvents() {
        return cloudTrailEventsOf(CloudTrailEvents.eventNames());
    }

    /**
     * CloudTrail events with one of these event names.
     *
     * @param eventNames names with a sample ({@link CloudTrailEvents#eventNames()})
     * @return the generator
     * @throws IllegalArgumentException if a name has no sample
     */
    public static Gen<CloudTrailEvent> cloudTrailEvents(String... eventNames) {
        for (String name : eventNames) {
            CloudTrailEvents.of(name);
        }
        return cloudTrailEventsOf(Arrays.asList(eventNames));
    }

    /**
     * CloudTrail events with any event name except these.
     *
     * @param eventNames the names to leave out
     * @return the generator
     * @throws IllegalArgumentException if no name is left
     */
    public static Gen<CloudTrailEvent> cloudTrailEventsExcept(String... eventNames) {
        List<String> names = new ArrayList<>(CloudTrailEvents.eventNames());
        names.removeAll(Arrays.asList(eventNames));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no event name is left");
        }
        return cloudTrailEventsOf(names);
    }

    private static Gen<CloudTrailEvent> cloudTrailEventsOf(List<String> names) {
        Gen<CloudTrailEvent> base = Gen.elements(List.copyOf(names)).map(CloudTrailEvents::of);
        Gen<Identity> identities = identities();
        Gen<Boolean> mfa = Gen.booleans();
        Gen<String> times = times();
        Gen<String> regions = regions();
        Gen<String> ips = ipAddresses();
        Gen<String> accounts = Gen.elements("123456789012", "210987654321", "111122223333");
        Gen<String> secrets = names("prod/orders/db-password", "prod/payments/api-key", "staging/smtp-password");
        Gen<String> buckets = names("orders-invoices", "audit-logs", "public-assets");
        Gen<String> keys = names("reports/2026/11/summary.csv", "invoice-1042.pdf", "index.html");
        Gen<String> users = names("bob", "carol", "deploy-bot");
        Gen<String> roles = names("orders-service-task", "Admin", "ReadOnly");
        Gen<Integer> dice = Gen.integers(0, 9);
        return random -> {
            CloudTrailEvent event = base.generate(random);
            event = identities.generate(random).apply(event).mfa(mfa.generate(random));
            event = event.at(times.generate(random)).region(regions.generate(random)).sourceIp(ips.generate(random))
                    .account(accounts.generate(random));
            event = event.secret(secrets.generate(random)).bucket(buckets.generate(random)).key(keys.generate(random))
                    .targetUser(users.generate(random)).role(roles.generate(random));
            return outcome(event, dice.generate(random));
        };
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

    private static Gen<Identity> identities() {
        Gen<String> people = names("alice", "bob", "mallory", "deploy-bot", "svc.reporting");
        Gen<Identity> users = people.map(n -> e -> e.user(n));
        Gen<Identity> roles = Gen.zip(names("Developer", "Admin", "orders-service-task"), people,
                (role, session) -> e -> e.assumedRole(role, session));
        Gen<Identity> root = Gen.constant(CloudTrailEvent::root);
        return Gen.frequency(Gen.weighted(5, users), Gen.weighted(4, roles), Gen.weighted(1, root));
    }

    /** Names from a few realistic ones, sometimes a generated one (a letter, then letters, digits, - and _). */
    private static Gen<String> names(String... examples) {
        Gen<String> generated = Gen.zip(Gen.strings("abcdefghijklmnopqrstuvwxyz", 1, 1),
                Gen.strings("abcdefghijklmnopqrstuvwxyz0123456789-_", 0, 23), String::concat);
        return Gen.frequency(Gen.weighted(3, Gen.elements(examples)), Gen.weighted(1, generated));
    }

    /**
     * Times on 2026-11-21 UTC, to the second, as ISO-8601 text.
     *
     * @return the generator
     */
    public static Gen<String> times() {
        return Gen.longs(0, 86_399).map(s -> Instant.ofEpochSecond(DAY_START + s).toString());
    }

    private static Gen<String> regions() {
        return Gen.elements("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2");
    }

    /**
     * IPv4 addresses from the documentation ranges and private networks.
     *
     * @return the generator
     */
    public static Gen<String> ipAddresses() {
        return Gen.zip(Gen.elements("203.0.113", "198.51.100", "192.0.2", "10.0.1"), Gen.integers(1, 254),
                (net, host) -> net + "." + host);
    }

    /**
     * VPC flow log records: accepted and rejected TCP, UDP and ICMP flows, some NODATA and SKIPDATA.
     *
     * @return the generator
     */
    public static Gen<VpcFlowLogRecord> vpcFlowLogRecords() {
        Gen<String> ips = ipAddresses();
        Gen<Integer> sourcePorts = Gen.integers(1024, 65535);
        Gen<Integer> destinationPorts = Gen.elements(22, 80, 443, 3389, 5432, 53);
        Gen<Integer> protocols = Gen.elements(6, 17, 1);
        Gen<String> actions = Gen.elements("ACCEPT", "REJECT");
        Gen<String> times = times();
        Gen<Long> packets = Gen.longs(1, 10_000);
        Gen<Integer> dice = Gen.integers(0, 19);
        return random -> {
            String src = ips.generate(random);
            String dst = ips.generate(random);
            int sport = sourcePorts.generate(random);
            int dport = destinationPorts.generate(random);
            int proto = protocols.generate(random);
            String action = actions.generate(random);
            String time = times.generate(random);
            long count = packets.generate(random);
            VpcFlowLogRecord r = VpcFlowLogRecord.accepted().source(src, sport).destination(dst, dport)
                    .protocol(proto).action(action).at(time).traffic(count, count * 212);
            int d = dice.generate(random);
            return d == 0 ? r.noData() : d == 1 ? r.skipData() : r;
        };
    }

    /**
     * Apache access log lines: a few methods and paths, status codes 2xx to 5xx, both log formats.
     *
     * @return the generator
     */
    public static Gen<ApacheAccessLogEntry> apacheAccessLogEntries() {
        Gen<String> methods = Gen.elements("GET", "POST", "PUT", "DELETE", "HEAD");
        Gen<String> paths = Gen.elements("/", "/orders/1042", "/login", "/static/app.js", "/admin?debug=true");
        Gen<String> ips = ipAddresses();
        Gen<Integer> statuses = Gen.elements(200, 201, 204, 301, 304, 400, 401, 403, 404, 429, 500, 502, 503);
        Gen<Long> sizes = Gen.longs(0, 5_000_000);
        Gen<String> times = times();
        Gen<String> users = Gen.elements("frank", "-", "alice");
        Gen<Boolean> common = Gen.booleans();
        return random -> {
            String method = methods.generate(random);
            String path = paths.generate(random);
            String ip = ips.generate(random);
            int status = statuses.generate(random);
            long size = sizes.generate(random);
            String time = times.generate(random);
            String user = users.generate(random);
            ApacheAccessLogEntry entry = ApacheAccessLogEntry.request(method, path).client(ip).status(status)
                    .size(size).at(time).user(user.equals("-") ? null : user);
            return common.generate(random) ? entry.commonFormat() : entry;
        };
    }

    /**
     * Lambda log lines: JSON application lines at each level, plain-text lines, START, END, REPORT and timeouts.
     *
     * @return the generator
     */
    public static Gen<LambdaLogLine> lambdaLogLines() {
        Gen<String> levels = Gen.elements("INFO", "WARN", "ERROR", "DEBUG");
        Gen<String> messages = Gen.elements("order placed", "payment declined", "retrying", "cache miss");
        Gen<Integer> latencies = Gen.integers(1, 5000);
        Gen<LambdaLogLine> json = random -> {
            String level = levels.generate(random);
            String message = messages.generate(random);
            int latency = latencies.generate(random);
            return LambdaLogLine.json(level, "{\"level\":\"" + level + "\",\"message\":\"" + message
                    + "\",\"latencyMs\":" + latency + "}");
        };
        Gen<LambdaLogLine> text = Gen.elements("INFO", "ERROR")
                .map(level -> LambdaLogLine.text(level, level.equals("ERROR") ? "Unhandled exception: timeout"
                        : "processing batch"));
        Gen<LambdaLogLine> platform = Gen.elements(LambdaLogLine.start(), LambdaLogLine.end(),
                LambdaLogLine.report(), LambdaLogLine.timeout());
        Gen<LambdaLogLine> any = Gen.oneOf(json, text, platform);
        Gen<String> times = times();
        Gen<Integer> requests = Gen.integers(0, 9999);
        return random -> {
            LambdaLogLine line = any.generate(random);
            String time = times.generate(random);
            int n = requests.generate(random);
            return line.at(time).requestId(String.format("%08x-7d4a-4c1e-9a53-%012d", n * 7919L, n));
        };
    }

    /**
     * The messages of generated sample events.
     *
     * @param events the generator of the events
     * @return the generator of their messages
     */
    public static Gen<String> messages(Gen<? extends SampleEvent<?>> events) {
        Objects.requireNonNull(events, "events");
        return events.map(SampleEvent::build);
    }
}
