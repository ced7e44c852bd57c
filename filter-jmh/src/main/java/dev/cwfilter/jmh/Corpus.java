package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic benchmark inputs: CloudTrail management events (about 1.3 KB of JSON each, 2% of them
 * {@code GetSecretValue}, 1% by the root user), Apache combined-log lines and application log lines. The same seed
 * always gives the same events, so runs compare.
 *
 * <p>Stateless and thread-safe.
 */
public final class Corpus {

    private static final String[] EVENT_NAMES = {
        "ListSecrets", "DescribeSecret", "GetObject", "PutObject", "ListBuckets", "AssumeRole", "Decrypt",
        "GenerateDataKey", "DescribeInstances", "GetCallerIdentity", "ConsoleLogin", "CreateLogStream",
        "PutLogEvents", "GetParameter", "ListUsers"
    };
    private static final String[] SOURCES = {
        "secretsmanager.amazonaws.com", "s3.amazonaws.com", "sts.amazonaws.com", "kms.amazonaws.com",
        "ec2.amazonaws.com", "signin.amazonaws.com", "logs.amazonaws.com", "ssm.amazonaws.com", "iam.amazonaws.com"
    };
    private static final String[] PATHS = {
        "/index.html", "/api/v1/orders", "/static/app.js", "/images/logo.png", "/login", "/api/v1/users/42",
        "/favicon.ico", "/health"
    };
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 301, 304, 404, 403, 500};

    private Corpus() {
    }

    /** {@code n} CloudTrail events as JSON text. */
    public static List<String> cloudTrail(int n, long seed) {
        Random random = new Random(seed);
        List<String> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(cloudTrailEvent(random, i));
        }
        return events;
    }

    /** {@code n} Apache combined-log lines. */
    public static List<String> apache(int n, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int status = STATUSES[random.nextInt(STATUSES.length)];
            lines.add(String.format("10.%d.%d.%d - %s [21/Nov/2026:12:%02d:%02d +0000] \"%s %s HTTP/1.1\" %d %d"
                            + " \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0\"",
                    random.nextInt(256), random.nextInt(256), random.nextInt(256),
                    random.nextInt(4) == 0 ? "frank" : "-", random.nextInt(60), random.nextInt(60),
                    random.nextInt(5) == 0 ? "POST" : "GET", PATHS[random.nextInt(PATHS.length)], status,
                    random.nextInt(50_000)));
        }
        return lines;
    }

    /** {@code n} application log lines, 5% of them errors. */
    public static List<String> application(int n, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            String level = kind < 5 ? "ERROR" : kind < 15 ? "WARN" : "INFO";
            String message = kind < 2 ? "Request failed: INVALID ARGUMENTS in field 'quantity'"
                    : kind < 5 ? "Request failed: upstream timeout after 3000 ms"
                    : "Processed order " + random.nextInt(1_000_000) + " for customer " + random.nextInt(10_000)
                    + " in " + random.nextInt(900) + " ms";
            lines.add(String.format("2026-11-21T12:%02d:%02d.%03dZ %08x-%04x-%04x [%s] %s", random.nextInt(60),
                    random.nextInt(60), random.nextInt(1000), random.nextInt(), random.nextInt(0x10000),
                    random.nextInt(0x10000), level, message));
        }
        return lines;
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

    /** The UTF-8 encoding of each text. */
    public static byte[][] utf8(List<String> texts) {
        return texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    private static String cloudTrailEvent(Random r, int i) {
        boolean secret = r.nextInt(50) == 0;
        boolean root = r.nextInt(100) == 0;
        String eventName = secret ? "GetSecretValue" : EVENT_NAMES[r.nextInt(EVENT_NAMES.length)];
        String source = secret ? "secretsmanager.amazonaws.com" : SOURCES[r.nextInt(SOURCES.length)];
        String user = new String[] {"alice", "bob", "deploy-bot", "carol"}[r.nextInt(4)];
        String identity = root
                ? "{\"type\":\"Root\",\"principalId\":\"123456789012\",\"arn\":\"arn:aws:iam::123456789012:root\","
                + "\"accountId\":\"123456789012\",\"accessKeyId\":\"ASIAEXAMPLEROOT0001\"}"
                : "{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:" + user + "\",\"arn\":\"arn:aws:sts::"
                + "123456789012:assumed-role/Admin/" + user + "\",\"accountId\":\"123456789012\",\"accessKeyId\":"
                + "\"ASIAEXAMPLE" + (1000 + r.nextInt(9000)) + "\",\"sessionContext\":{\"sessionIssuer\":{\"type\":"
                + "\"Role\",\"principalId\":\"AROAEXAMPLE\",\"arn\":\"arn:aws:iam::123456789012:role/Admin\","
                + "\"accountId\":\"123456789012\",\"userName\":\"Admin\"},\"attributes\":{\"creationDate\":"
                + "\"2026-11-21T11:00:00Z\",\"mfaAuthenticated\":\"" + r.nextBoolean() + "\"}}}";
        boolean denied = r.nextInt(25) == 0;
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":" + identity
                + ",\"eventTime\":\"2026-11-21T12:" + String.format("%02d:%02d", i / 60 % 60, i % 60) + "Z\""
                + ",\"eventSource\":\"" + source + "\",\"eventName\":\"" + eventName + "\""
                + ",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113." + r.nextInt(256) + "\""
                + ",\"userAgent\":\"aws-cli/2.22.0 md/awscrt#0.23.0 ua/2.1 os/linux#6.8 md/arch#x86_64 lang/python#3.12\""
                + (denied ? ",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User is not authorized to perform this"
                + " operation\"" : "")
                + ",\"requestParameters\":{\"secretId\":\"prod/db/password\",\"versionStage\":\"AWSCURRENT\"}"
                + ",\"responseElements\":null,\"requestID\":\"" + uuid(r) + "\",\"eventID\":\"" + uuid(r) + "\""
                + ",\"readOnly\":true,\"resources\":[{\"accountId\":\"123456789012\",\"type\":"
                + "\"AWS::SecretsManager::Secret\",\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                + "prod/db/password-AbCdEf\"}],\"eventType\":\"AwsApiCall\",\"managementEvent\":true"
                + ",\"recipientAccountId\":\"123456789012\",\"eventCategory\":\"Management\""
                + ",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\","
                + "\"clientProvidedHostHeader\":\"" + source.replace("amazonaws.com", "us-east-1.amazonaws.com")
                + "\"}}";
    }

    private static String uuid(Random r) {
        return String.format("%08x-%04x-%04x-%04x-%012x", r.nextInt(), r.nextInt(0x10000), r.nextInt(0x10000),
                r.nextInt(0x10000), r.nextLong() & 0xffffffffffffL);
    }
}
