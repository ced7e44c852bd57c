package dev.cwfilter.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.FilterPattern;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Deterministic benchmark inputs, generated from a seed: CloudTrail management and data events of about 1.3 KB, or
 * Apache combined-log lines of about 180 bytes.
 *
 * <p>In a CloudTrail corpus every pattern family's condition holds for exactly {@code round(hitRate × size)} events,
 * chosen independently for each family, so at a hit rate of 2% about 2% of the events are {@code GetSecretValue}
 * calls, a different 2% have a {@code latency} above 4000, and so on. Besides its hits each family has one
 * <em>near-miss</em> for every ten hits: an event that does not match but holds what a shortcut would look for, so that
 * no benchmark gets to reject every non-matching event by its literal alone. They are, by family:
 * <ul>
 *   <li>seed equality: {@code GetSecretValue} elsewhere than in {@code eventName} (a {@code BatchGetSecretValue} call,
 *       or a policy document granting {@code secretsmanager:GetSecretValue});</li>
 *   <li>numeric: a latency of exactly 4000;</li>
 *   <li>wildcard: {@code marked for deletion} in {@code requestParameters.description} rather than in
 *       {@code errorMessage};</li>
 *   <li>compound: the root user or the break-glass role, but with MFA;</li>
 *   <li>array selector: the watched key's ARN in {@code requestParameters.keyId} but not among the resources;</li>
 *   <li>regex: {@code kali} or {@code parrot} in {@code requestParameters.key} rather than in the user agent.</li>
 * </ul>
 * The term family's hits are every event that holds {@code GetSecretValue}: the seed equality's hits and near-misses,
 * so its hit rate is 1.1 times the parameter. None of these literals appears anywhere else in the corpus. An
 * access-log corpus has the space-delimited family's hits (status 4xx) only.
 *
 * <p>Immutable and thread-safe.
 */
public final class Corpus {

    /** Events (or lines) in a benchmark corpus. */
    public static final int EVENTS = 20_000;
    /** The seed every benchmark corpus is generated from. */
    public static final long SEED = 20_261_121L;
    /** The KMS key the array-selector family watches. */
    public static final String WATCHED_KEY_ARN =
            "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    /** Hits per near-miss. */
    public static final int HITS_PER_NEAR_MISS = 10;

    private static final JsonFactory JSON = new JsonFactory();
    private static final String ACCOUNT = "123456789012";
    private static final String[] ROLES = {
        "ci-deployer", "app-backend", "Admin", "ReadOnly", "data-pipeline", "orders-lambda-exec"
    };
    private static final String[] USERS = {"alice", "bob", "carol", "dmitri", "eve.ops"};
    private static final String[] SERVICES = {
        "ec2.amazonaws.com", "lambda.amazonaws.com", "cloudformation.amazonaws.com", "autoscaling.amazonaws.com"
    };
    private static final String[] AGENTS = {
        "aws-cli/2.22.0 md/awscrt#0.23.0 ua/2.1 os/linux#6.8 md/arch#x86_64 lang/python#3.12 command/s3.cp",
        "Boto3/1.35.10 md/Botocore#1.35.10 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.12.6 Botocore/1.35.10",
        "aws-sdk-java/2.25.60 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 io/sync http/Apache",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/131.0.0.0 Safari/537.36",
        "APN/1.0 HashiCorp/1.0 Terraform/1.9.5 terraform-provider-aws/5.66.0 aws-sdk-go-v2/1.30.4 os/linux",
        "AWS Internal",
        "console.amazonaws.com"
    };
    private static final String[] PENTEST_AGENTS = {
        "aws-cli/1.22.34 Python/3.9.12 Linux/5.16.0-kali7-amd64 botocore/1.24.46",
        "Boto3/1.26.54 Python/3.11.2 Linux/6.1.0-parrot1-amd64 Botocore/1.29.54",
        "aws-cli/2.9.19 Python/3.9.11 Linux/6.0.12-pentoo-x86_64 exe/x86_64.pentoo prompt/off command/s3.ls",
        "Boto3/1.34.2 md/Botocore#1.34.2 ua/2.0 os/linux#6.6.9-amd64 md/distro#Kali lang/python#3.11.8"
    };
    private static final String[] DELETION_MESSAGES = {
        "You can't perform this operation on the secret because it was marked for deletion.",
        "You can't perform this operation on the secret because it was marked for deletion. Restore the secret"
                + " with RestoreSecret before you use it."
    };
    private static final String[] CALLS = {
        "AssumeRole", "Decrypt", "GenerateDataKey", "GetObject", "PutObject", "DescribeInstances", "GetParameter",
        "DescribeSecret", "ListSecrets", "CreateLogStream", "ListUsers", "GetCallerIdentity", "UpdateItem",
        "ConsoleLogin"
    };
    private static final String[] BUCKETS = {"orders-exports-prod", "app-assets-prod", "cloudtrail-logs-123456789012"};
    private static final String[] PATHS = {
        "/index.html", "/api/v1/orders?page=2", "/static/app.3f9a1c.js", "/images/logo.png", "/login",
        "/api/v1/users/42", "/favicon.ico", "/health", "/api/v1/orders/98311/items", "/search?q=blue+shoes"
    };
    private static final int[] OK_STATUSES = {200, 200, 200, 200, 200, 201, 204, 301, 302, 304, 500, 502, 503};
    private static final int[] CLIENT_ERRORS = {400, 401, 403, 404, 404, 404, 405, 429};
    private static final String[] BROWSERS = {
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                + " Safari/537.36",
        "curl/8.5.0",
        "Googlebot/2.1 (+http://www.google.com/bot.html)"
    };

    private final List<String> texts;
    private final Map<Family, BitSet> hits;
    private final Map<Family, BitSet> nearMisses;

    private Corpus(List<String> texts, Map<Family, BitSet> hits, Map<Family, BitSet> nearMisses) {
        this.texts = Collections.unmodifiableList(texts);
        this.hits = hits;
        this.nearMisses = nearMisses;
    }

    /** The benchmark CloudTrail corpus at this hit rate: {@link #EVENTS} events from {@link #SEED}. */
    public static Corpus cloudTrail(double hitRate) {
        return cloudTrail(EVENTS, hitRate, SEED);
    }

    /** The benchmark access-log corpus at this hit rate: {@link #EVENTS} lines from {@link #SEED}. */
    public static Corpus accessLog(double hitRate) {
        return accessLog(EVENTS, hitRate, SEED);
    }

    /** {@code n} CloudTrail events in which each family's condition holds for {@code round(hitRate × n)} events. */
    public static Corpus cloudTrail(int n, double hitRate, long seed) {
        checkRate(hitRate);
        Map<Family, BitSet> hits = new EnumMap<>(Family.class);
        Map<Family, BitSet> near = new EnumMap<>(Family.class);
        int k = (int) Math.round(hitRate * n);
        int m = Math.min(Math.round((float) k / HITS_PER_NEAR_MISS), n - k);
        Random choice = new Random(seed);
        for (Family f : Family.values()) {
            if (f != Family.TERM && f != Family.DELIMITED) {
                BitSet h = choose(n, k, new BitSet(), choice);
                hits.put(f, h);
                near.put(f, choose(n, m, h, choice));
            }
        }
        BitSet term = (BitSet) hits.get(Family.SEED_EQUALITY).clone();
        term.or(near.get(Family.SEED_EQUALITY));
        hits.put(Family.TERM, term);
        near.put(Family.TERM, new BitSet());

        Random r = new Random(seed + 1);
        List<String> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new CloudTrailEvent(r, i, hits, near).json());
        }
        return new Corpus(events, hits, near);
    }

    /** {@code n} Apache combined-log lines, {@code round(hitRate × n)} of them with a 4xx status. */
    public static Corpus accessLog(int n, double hitRate, long seed) {
        checkRate(hitRate);
        Random r = new Random(seed);
        BitSet clientErrors = choose(n, (int) Math.round(hitRate * n), new BitSet(), r);
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int status = clientErrors.get(i) ? pick(r, CLIENT_ERRORS) : pick(r, OK_STATUSES);
            String path = PATHS[r.nextInt(PATHS.length)];
            String user = r.nextInt(4) == 0 ? USERS[r.nextInt(USERS.length)] : "-";
            lines.add(String.format("%d.%d.%d.%d - %s [21/Nov/2026:%02d:%02d:%02d +0000] \"%s %s HTTP/1.1\" %d %d"
                            + " \"%s\" \"%s\"",
                    10 + r.nextInt(200), r.nextInt(256), r.nextInt(256), 1 + r.nextInt(254), user, 12 + i / 3600,
                    i / 60 % 60, i % 60, r.nextInt(5) == 0 ? "POST" : "GET", path, status,
                    status == 304 || status == 204 ? 0 : 200 + r.nextInt(60_000),
                    r.nextInt(3) == 0 ? "-" : "https://shop.example.com" + PATHS[r.nextInt(PATHS.length)],
                    BROWSERS[r.nextInt(BROWSERS.length)]));
        }
        Map<Family, BitSet> hits = new EnumMap<>(Family.class);
        hits.put(Family.DELIMITED, clientErrors);
        Map<Family, BitSet> near = new EnumMap<>(Family.class);
        near.put(Family.DELIMITED, new BitSet());
        return new Corpus(lines, hits, near);
    }

    /** The events (or lines), in order. */
    public List<String> texts() {
        return texts;
    }

    /** The events as an array. */
    public String[] strings() {
        return texts.toArray(String[]::new);
    }

    /** The UTF-8 encoding of each event. */
    public byte[][] utf8() {
        return texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /**
     * The events copied one after another and settled by a full collection, so that in every run event {@code i + 1}
     * lies in memory just after event {@code i}, as events read from a file into a buffer do. Otherwise where they lie
     * depends on how the collector happened to copy them while the corpus was generated: in order in one fork, in
     * reverse or scattered in another. A pass that reads each event whole as fast as cwfilter's walk does ran 1.5 times
     * slower over events in reverse order than over the same events in order (the compound pattern at 50% hits:
     * 0.9 against 0.6 M events/s in one JVM, the same compiled code), so the forks of one benchmark fell into two
     * modes.
     */
    public static byte[][] inMemoryOrder(byte[][] events) {
        return laidOut(events, byte[]::clone);
    }

    /** {@link #inMemoryOrder(byte[][])} for String events (each with its own characters). */
    public static String[] inMemoryOrder(String[] events) {
        return laidOut(events, e -> new String(e.toCharArray()));
    }

    private static <T> T[] laidOut(T[] events, UnaryOperator<T> copyOf) {
        System.gc();
        T[] copy = events.clone();
        for (int i = 0; i < events.length; i++) {
            copy[i] = copyOf.apply(events[i]);
        }
        // A full collection compacts in address order, and moves the copies out of the young generation, whose
        // collections would copy them again in whatever order.
        System.gc();
        return copy;
    }

    /** How many events the corpus holds. */
    public int size() {
        return texts.size();
    }

    /** The mean size of an event in UTF-8 bytes. */
    public double meanUtf8Bytes() {
        long bytes = 0;
        for (String t : texts) {
            bytes += t.getBytes(StandardCharsets.UTF_8).length;
        }
        return (double) bytes / texts.size();
    }

    /** Whether event {@code i} satisfies the family's condition, as generated. */
    public boolean isHit(Family family, int i) {
        return family(hits, family).get(i);
    }

    /** How many events satisfy the family's condition. */
    public int hitCount(Family family) {
        return family(hits, family).cardinality();
    }

    /** Whether event {@code i} is one of the family's near-misses (see the class description). */
    public boolean isNearMiss(Family family, int i) {
        return family(nearMisses, family).get(i);
    }

    /** How many near-misses the family has. */
    public int nearMissCount(Family family) {
        return family(nearMisses, family).cardinality();
    }

    /** How many of the UTF-8 events the pattern matches: the loop every cwfilter benchmark method runs. */
    public static int countMatches(FilterPattern pattern, byte[][] events) {
        int hits = 0;
        for (byte[] e : events) {
            if (pattern.matches(e, 0, e.length)) {
                hits++;
            }
        }
        return hits;
    }

    /** How many of the events the pattern matches. */
    public static int countMatches(FilterPattern pattern, String[] events) {
        int hits = 0;
        for (String e : events) {
            if (pattern.matches(e)) {
                hits++;
            }
        }
        return hits;
    }

    /** How many of the events the test accepts: the loop every baseline benchmark method runs. */
    public static <T> int count(Predicate<T> test, T[] events) {
        int hits = 0;
        for (T e : events) {
            if (test.test(e)) {
                hits++;
            }
        }
        return hits;
    }

    private static BitSet family(Map<Family, BitSet> sets, Family family) {
        BitSet set = sets.get(family);
        if (set == null) {
            throw new IllegalArgumentException("this corpus is not made for the " + family.label() + " family");
        }
        return set;
    }

    private static void checkRate(double hitRate) {
        if (!(hitRate >= 0 && hitRate <= 1)) {
            throw new IllegalArgumentException("hit rate must be between 0 and 1: " + hitRate);
        }
    }

    /** {@code k} indices below {@code n} outside {@code taken}, uniformly at random. */
    private static BitSet choose(int n, int k, BitSet taken, Random r) {
        int[] free = new int[n - taken.cardinality()];
        for (int i = 0, j = 0; i < n; i++) {
            if (!taken.get(i)) {
                free[j++] = i;
            }
        }
        BitSet chosen = new BitSet(n);
        for (int j = 0; j < k; j++) {
            int pick = j + r.nextInt(free.length - j);
            int t = free[j];
            free[j] = free[pick];
            free[pick] = t;
            chosen.set(free[j]);
        }
        return chosen;
    }

    private static int pick(Random r, int[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String hex(Random r, int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }

    private static String upper(Random r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Random base64 text that happens to spell none of the regex family's words. */
    private static String base64(Random r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        while (true) {
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String lower = s.toString().toLowerCase(Locale.ROOT);
            if (!lower.contains("kali") && !lower.contains("parrot") && !lower.contains("pentoo")) {
                return s.toString();
            }
        }
    }

    private static String uuid(Random r) {
        return hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 12);
    }

    /** One CloudTrail record, drawn field by field in CloudTrail's order. */
    private static final class CloudTrailEvent {

        private final Random r;
        private final int i;
        private final Map<Family, BitSet> hits;
        private final Map<Family, BitSet> near;
        private String call;
        private String source;
        private boolean readOnly = true;
        private String eventType = "AwsApiCall";
        private boolean dataEvent;
        private Map<String, Object> request;
        private Map<String, Object> response;
        private Map<String, Object> additional;
        private final List<Map<String, Object>> resources = new ArrayList<>();

        CloudTrailEvent(Random r, int i, Map<Family, BitSet> hits, Map<Family, BitSet> near) {
            this.r = r;
            this.i = i;
            this.hits = hits;
            this.near = near;
        }

        private boolean hit(Family f) {
            return hits.get(f).get(i);
        }

        private boolean near(Family f) {
            return near.get(f).get(i);
        }

        String json() {
            chooseCall();
            Map<String, Object> identity = identity();
            String agent = hit(Family.REGEX) ? pick(r, PENTEST_AGENTS)
                    : call.equals("ConsoleLogin") ? AGENTS[3] : pick(r, AGENTS);
            addNearMisses();
            StringWriter out = new StringWriter(1400);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("eventVersion", "1.09");
                g.writeFieldName("userIdentity");
                write(g, identity);
                g.writeStringField("eventTime", String.format("2026-11-21T%02d:%02d:%02dZ", 12 + i / 3600,
                        i / 60 % 60, i % 60));
                g.writeStringField("eventSource", source);
                g.writeStringField("eventName", call);
                g.writeStringField("awsRegion", "us-east-1");
                g.writeStringField("sourceIPAddress", "AWSService".equals(identity.get("type"))
                        ? (String) identity.get("invokedBy")
                        : (r.nextBoolean() ? "203.0.113." : "198.51.100.") + r.nextInt(256));
                g.writeStringField("userAgent", agent);
                error(g, identity);
                g.writeFieldName("requestParameters");
                write(g, request);
                g.writeFieldName("responseElements");
                write(g, response);
                if (additional != null) {
                    g.writeFieldName("additionalEventData");
                    write(g, additional);
                }
                g.writeStringField("requestID", uuid(r));
                g.writeStringField("eventID", uuid(r));
                g.writeBooleanField("readOnly", readOnly);
                if (!resources.isEmpty()) {
                    g.writeFieldName("resources");
                    write(g, resources);
                }
                g.writeStringField("eventType", eventType);
                g.writeBooleanField("managementEvent", !dataEvent);
                g.writeStringField("recipientAccountId", ACCOUNT);
                g.writeStringField("eventCategory", dataEvent ? "Data" : "Management");
                latency(g);
                g.writeObjectFieldStart("tlsDetails");
                g.writeStringField("tlsVersion", "TLSv1.3");
                g.writeStringField("cipherSuite", "TLS_AES_128_GCM_SHA256");
                g.writeStringField("clientProvidedHostHeader", source.replace(".amazonaws.com",
                        ".us-east-1.amazonaws.com"));
                g.writeEndObject();
                if (call.equals("ConsoleLogin")) {
                    g.writeStringField("sessionCredentialFromConsole", "true");
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }

        private void chooseCall() {
            if (hit(Family.SEED_EQUALITY)) {
                call = "GetSecretValue";
                source = "secretsmanager.amazonaws.com";
                request = map("secretId", r.nextBoolean() ? "prod/db/password"
                        : "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-key-AbCdEf",
                        "versionStage", "AWSCURRENT");
                return;
            }
            if (near(Family.SEED_EQUALITY)) {
                if (r.nextBoolean()) {
                    call = "BatchGetSecretValue";
                    source = "secretsmanager.amazonaws.com";
                    request = map("secretIdList", List.of("prod/db/password", "prod/api-key"));
                } else {
                    call = "PutRolePolicy";
                    source = "iam.amazonaws.com";
                    readOnly = false;
                    request = map("roleName", "app-backend", "policyName", "read-prod-secrets", "policyDocument",
                            "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n"
                            + "            \"Effect\": \"Allow\",\n"
                            + "            \"Action\": \"secretsmanager:GetSecretValue\",\n"
                            + "            \"Resource\": \"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/*\""
                            + "\n        }\n    ]\n}");
                }
                return;
            }
            call = pick(r, CALLS);
            switch (call) {
                case "AssumeRole" -> {
                    source = "sts.amazonaws.com";
                    String role = pick(r, ROLES);
                    String session = "botocore-session-" + (1_763_700_000 + r.nextInt(100_000));
                    String roleArn = "arn:aws:iam::123456789012:role/" + role;
                    request = map("roleArn", roleArn, "roleSessionName", session, "durationSeconds", 3600);
                    String roleId = "AROA" + upper(r, 17);
                    response = map("credentials", map("accessKeyId", "ASIA" + upper(r, 16), "sessionToken",
                            "IQoJb3JpZ2luX2VjE" + base64(r, 180), "expiration", "Nov 21, 2026, 1:00:00 PM"),
                            "assumedRoleUser", map("assumedRoleId", roleId + ":" + session, "arn",
                                    "arn:aws:sts::123456789012:assumed-role/" + role + "/" + session));
                    resources.add(resource("AWS::IAM::Role", roleArn));
                }
                case "Decrypt" -> {
                    source = "kms.amazonaws.com";
                    request = map("encryptionAlgorithm", "SYMMETRIC_DEFAULT", "encryptionContext",
                            map("aws:lambda:FunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:orders"));
                    resources.add(resource("AWS::KMS::Key", otherKey()));
                }
                case "GenerateDataKey" -> {
                    source = "kms.amazonaws.com";
                    request = map("keyId", "alias/app-data", "keySpec", "AES_256");
                    resources.add(resource("AWS::KMS::Key", otherKey()));
                }
                case "GetObject", "PutObject" -> {
                    source = "s3.amazonaws.com";
                    dataEvent = true;
                    readOnly = call.equals("GetObject");
                    String bucket = pick(r, BUCKETS);
                    String key = "exports/2026/11/21/part-" + String.format("%05d", r.nextInt(100_000)) + ".csv.gz";
                    request = map("bucketName", bucket, "Host", bucket + ".s3.us-east-1.amazonaws.com", "key", key);
                    additional = map("SignatureVersion", "SigV4", "CipherSuite", "TLS_AES_128_GCM_SHA256",
                            "bytesTransferredIn", readOnly ? 0 : r.nextInt(5_000_000), "AuthenticationMethod",
                            "AuthHeader", "x-amz-id-2", base64(r, 76), "bytesTransferredOut",
                            readOnly ? r.nextInt(5_000_000) : 0);
                    resources.add(map("type", "AWS::S3::Object", "ARN", "arn:aws:s3:::" + bucket + "/" + key));
                    resources.add(resource("AWS::S3::Bucket", "arn:aws:s3:::" + bucket));
                }
                case "DescribeInstances" -> {
                    source = "ec2.amazonaws.com";
                    request = map("instancesSet", map(), "filterSet", map("items", List.of(map("name",
                            "instance-state-name", "valueSet", map("items", List.of(map("value", "running")))))));
                }
                case "GetParameter" -> {
                    source = "ssm.amazonaws.com";
                    request = map("name", "/prod/orders/db-host", "withDecryption", true);
                }
                case "DescribeSecret" -> {
                    source = "secretsmanager.amazonaws.com";
                    request = map("secretId", "prod/db/password");
                }
                case "ListSecrets" -> {
                    source = "secretsmanager.amazonaws.com";
                    request = map("maxResults", 100);
                }
                case "CreateLogStream" -> {
                    source = "logs.amazonaws.com";
                    readOnly = false;
                    request = map("logGroupName", "/aws/lambda/orders", "logStreamName",
                            "2026/11/21/[$LATEST]" + hex(r, 32));
                }
                case "UpdateItem" -> {
                    source = "dynamodb.amazonaws.com";
                    readOnly = false;
                    request = map("tableName", "Orders", "key", map("orderId", map("S", uuid(r))),
                            "updateExpression", "SET #s = :s", "conditionExpression", "attribute_exists(orderId)");
                    resources.add(resource("AWS::DynamoDB::Table",
                            "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"));
                }
                case "ConsoleLogin" -> {
                    source = "signin.amazonaws.com";
                    readOnly = false;
                    eventType = "AwsConsoleSignIn";
                    response = map("ConsoleLogin", "Success");
                    additional = map("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs",
                            "MobileVersion", "No", "MFAUsed", r.nextBoolean() ? "Yes" : "No");
                }
                case "ListUsers" -> source = "iam.amazonaws.com";
                default -> source = "sts.amazonaws.com"; // GetCallerIdentity
            }
        }

        private Map<String, Object> identity() {
            String created = String.format("2026-11-21T11:%02d:%02dZ", r.nextInt(60), r.nextInt(60));
            if (hit(Family.COMPOUND) || near(Family.COMPOUND)) {
                String mfa = hit(Family.COMPOUND) ? "false" : "true";
                return r.nextBoolean() ? root(created, mfa) : role("BreakGlassAdmin", created, mfa);
            }
            int kind = r.nextInt(20);
            if (kind < 11) {
                String role = pick(r, ROLES);
                return role(role, created, role.equals("Admin") && r.nextInt(10) < 7 ? "true" : "false");
            }
            if (kind < 16) {
                String user = pick(r, USERS);
                Map<String, Object> identity = map("type", "IAMUser", "principalId", "AIDA" + upper(r, 17), "arn",
                        "arn:aws:iam::123456789012:user/" + user, "accountId", ACCOUNT, "accessKeyId",
                        "AKIA" + upper(r, 16), "userName", user);
                if (r.nextBoolean()) {
                    identity.put("sessionContext", map("attributes", map("creationDate", created,
                            "mfaAuthenticated", r.nextBoolean() ? "true" : "false")));
                }
                return identity;
            }
            return map("type", "AWSService", "invokedBy", pick(r, SERVICES));
        }

        private Map<String, Object> root(String created, String mfa) {
            return map("type", "Root", "principalId", ACCOUNT, "arn", "arn:aws:iam::123456789012:root",
                    "accountId", ACCOUNT, "accessKeyId", "ASIA" + upper(r, 16), "sessionContext",
                    map("attributes", map("creationDate", created, "mfaAuthenticated", mfa)));
        }

        private Map<String, Object> role(String role, String created, String mfa) {
            String session = r.nextBoolean() ? USERS[r.nextInt(USERS.length)] + "@example.com"
                    : "session-" + (1_763_700_000 + r.nextInt(100_000));
            String roleId = "AROA" + upper(r, 17);
            return map("type", "AssumedRole", "principalId", roleId + ":" + session, "arn",
                    "arn:aws:sts::123456789012:assumed-role/" + role + "/" + session, "accountId", ACCOUNT,
                    "accessKeyId", "ASIA" + upper(r, 16), "sessionContext", map("sessionIssuer", map("type", "Role",
                            "principalId", roleId, "arn", "arn:aws:iam::123456789012:role/" + role, "accountId",
                            ACCOUNT, "userName", role), "attributes", map("creationDate", created,
                            "mfaAuthenticated", mfa)));
        }

        /** The near-misses that live in requestParameters, and the watched key among the resources. */
        private void addNearMisses() {
            if (hit(Family.ARRAY)) {
                resources.add(r.nextInt(resources.size() + 1), resource("AWS::KMS::Key", WATCHED_KEY_ARN));
            }
            if (near(Family.ARRAY)) {
                request().put("keyId", WATCHED_KEY_ARN);
            }
            if (near(Family.WILDCARD)) {
                request().put("description", "Legacy credentials, marked for deletion after the migration");
            }
            if (near(Family.REGEX)) {
                request().put("key", r.nextBoolean() ? "media/kalimba-loop-" + r.nextInt(100) + ".wav"
                        : "photos/parrot-" + r.nextInt(1000) + ".jpg");
            }
        }

        private Map<String, Object> request() {
            if (request == null) {
                request = new LinkedHashMap<>();
            }
            return request;
        }

        private void error(JsonGenerator g, Map<String, Object> identity) throws IOException {
            String code;
            String message;
            if (hit(Family.WILDCARD)) {
                code = "InvalidRequestException";
                message = pick(r, DELETION_MESSAGES);
            } else {
                int kind = r.nextInt(100);
                if (kind >= 12) {
                    return;
                }
                String service = source.substring(0, source.indexOf('.'));
                if (kind < 6) {
                    code = "AccessDenied";
                    Object arn = identity.getOrDefault("arn", "arn:aws:iam::123456789012:role/service-role");
                    message = "User: " + arn + " is not authorized to perform: " + service + ":" + call
                            + " because no identity-based policy allows the " + service + ":" + call + " action";
                } else if (kind < 9) {
                    code = "ThrottlingException";
                    message = "Rate exceeded";
                } else if (kind < 11) {
                    code = "ResourceNotFoundException";
                    message = "Requested resource not found";
                } else {
                    code = "KMSInvalidStateException";
                    message = otherKey() + " is pending deletion.";
                }
            }
            response = null;
            g.writeStringField("errorCode", code);
            g.writeStringField("errorMessage", message);
        }

        private void latency(JsonGenerator g) throws IOException {
            g.writeFieldName("latency");
            boolean decimal = r.nextInt(10) == 0;
            if (hit(Family.NUMERIC)) {
                int ms = 4001 + r.nextInt(26_000);
                if (decimal) {
                    g.writeNumber(ms + r.nextInt(100) / 100.0);
                } else {
                    g.writeNumber(ms);
                }
            } else if (near(Family.NUMERIC)) {
                if (decimal) {
                    g.writeNumber(4000.0);
                } else {
                    g.writeNumber(4000);
                }
            } else {
                int ms = r.nextInt(5) == 0 ? 400 + r.nextInt(3599) : 5 + r.nextInt(400);
                if (decimal) {
                    g.writeNumber(ms - 1 + r.nextInt(100) / 100.0);
                } else {
                    g.writeNumber(ms);
                }
            }
        }

        private String otherKey() {
            return "arn:aws:kms:us-east-1:123456789012:key/" + uuid(r);
        }

        private static Map<String, Object> resource(String type, String arn) {
            return map("accountId", ACCOUNT, "type", type, "ARN", arn);
        }

        private static Map<String, Object> map(Object... keysAndValues) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int k = 0; k < keysAndValues.length; k += 2) {
                m.put((String) keysAndValues[k], keysAndValues[k + 1]);
            }
            return m;
        }

        private static void write(JsonGenerator g, Object value) throws IOException {
            if (value == null) {
                g.writeNull();
            } else if (value instanceof String s) {
                g.writeString(s);
            } else if (value instanceof Integer n) {
                g.writeNumber(n);
            } else if (value instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (value instanceof Map<?, ?> m) {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName((String) e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            } else if (value instanceof List<?> l) {
                g.writeStartArray();
                for (Object o : l) {
                    write(g, o);
                }
                g.writeEndArray();
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }
    }
}
