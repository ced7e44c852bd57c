package dev.cwfilter.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.propcheck.Gen;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Generators of CloudTrail records and of event patterns, written independently of each other: they share only a
 * vocabulary (services, event names, users, secrets, numbers), so that patterns match some records and not others.
 */
final class Generators {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> SERVICES = List.of("secretsmanager", "s3", "ec2", "iam", "sts", "kms", "signin",
            "monitoring", "logs");
    static final List<String> NAMES = List.of("DeleteSecret", "RotateSecret", "GetSecretValue", "ListSecrets",
            "DescribeSecret", "PutSecretValue", "CreateBucket", "GetObject", "ListBuckets", "PutBucketPolicy",
            "RunInstances", "DescribeInstances", "CreateUser", "ListRoles", "PutRolePolicy", "AssumeRole",
            "GetCallerIdentity", "GetSessionToken", "GetFederationToken", "Decrypt", "ConsoleLogin", "PutMetricAlarm",
            "RotationSucceeded", "TestEventPattern");
    static final List<String> EVENT_TYPES = List.of("AwsApiCall", "AwsApiCall", "AwsApiCall", "AwsServiceEvent",
            "AwsConsoleSignIn", "AwsConsoleAction");
    static final List<String> DETAIL_TYPES = List.of("AWS API Call via CloudTrail", "AWS Service Event via CloudTrail",
            "AWS Console Sign In via CloudTrail", "AWS Console Action via CloudTrail");
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1");
    static final List<String> ACCOUNTS = List.of("123456789012", "111122223333");
    static final List<String> USER_TYPES = List.of("Root", "IAMUser", "AssumedRole", "AWSService");
    static final List<String> USERS = List.of("alice", "bob", "mallory", "deploy-bot", "Alice", "");
    static final List<String> ERRORS = List.of("AccessDenied", "AccessDeniedException", "ThrottlingException");
    static final List<String> IPS = List.of("203.0.113.7", "10.0.12.1", "10.200.0.9", "192.0.2.10",
            "secretsmanager.amazonaws.com", "2001:db8::1");
    static final List<String> SECRETS = List.of("prod/db", "prod/api", "dev/db", "PROD/db", "prod/db-", "x");
    static final List<Integer> NUMBERS = List.of(-1, 0, 1, 7, 30, 30000, 5000000);

    private Generators() {
    }

    static <T> T pick(RandomGenerator r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static boolean chance(RandomGenerator r, int percent) {
        return r.nextInt(100) < percent;
    }

    /** A CloudTrail record, with the facts a test needs about it. */
    record Record(ObjectNode json, String eventType, String eventSource, String eventName, String eventCategory,
                  Boolean managementEvent) {
        String text() {
            return json.toString();
        }
    }

    static final Gen<Record> RECORDS = r -> {
        ObjectNode o = NODES.objectNode();
        o.put("eventVersion", pick(r, List.of("1.05", "1.08", "1.09", "1.11")));
        ObjectNode identity = o.putObject("userIdentity");
        identity.put("type", pick(r, USER_TYPES));
        String account = pick(r, ACCOUNTS);
        identity.put("accountId", account);
        if (chance(r, 70)) {
            identity.put("userName", pick(r, USERS));
        }
        identity.put("arn", "arn:aws:iam::" + account + ":user/" + pick(r, USERS));
        o.put("eventTime", "2026-11-21T12:" + (10 + r.nextInt(50)) + ":0" + r.nextInt(10) + "Z");
        String service = pick(r, SERVICES);
        String eventSource = service + ".amazonaws.com";
        o.put("eventSource", eventSource);
        String name = pick(r, NAMES);
        o.put("eventName", name);
        o.put("awsRegion", pick(r, REGIONS));
        o.put("sourceIPAddress", pick(r, IPS));
        if (chance(r, 20)) {
            o.put("errorCode", pick(r, ERRORS));
        }
        if (chance(r, 20)) {
            o.putNull("requestParameters");
        } else {
            ObjectNode params = o.putObject("requestParameters");
            if (chance(r, 70)) {
                params.put("secretId", pick(r, SECRETS));
            }
            if (chance(r, 50)) {
                if (chance(r, 20)) {
                    params.put("recoveryWindowInDays", pick(r, NUMBERS) + 0.5);
                } else {
                    params.put("recoveryWindowInDays", pick(r, NUMBERS));
                }
            }
            if (chance(r, 40)) {
                ArrayNode tags = params.putArray("tags");
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    ObjectNode tag = tags.addObject();
                    tag.put("key", pick(r, List.of("team", "env", "owner")));
                    tag.put("value", pick(r, List.of("security", "prod", "alice")));
                }
            }
            if (chance(r, 15)) {
                params.put("flag", r.nextBoolean());
            }
        }
        o.putNull("responseElements");
        o.put("requestID", "req-" + r.nextInt(1000));
        o.put("eventID", "ev-" + r.nextInt(1_000_000));
        if (chance(r, 70)) {
            o.put("readOnly", r.nextBoolean());
        }
        String eventType = pick(r, EVENT_TYPES);
        o.put("eventType", eventType);
        Boolean management = null;
        if (chance(r, 80)) {
            management = chance(r, 85);
            o.put("managementEvent", management);
        }
        String category = null;
        if (chance(r, 70)) {
            category = Boolean.FALSE.equals(management) ? "Data" : pick(r, List.of("Management", "Management",
                    "Data"));
            o.put("eventCategory", category);
        }
        o.put("recipientAccountId", account);
        if (chance(r, 30)) {
            ArrayNode resources = o.putArray("resources");
            resources.addObject().put("type", pick(r, List.of("AWS::KMS::Key", "AWS::S3::Bucket")))
                    .put("ARN", "arn:aws:kms:us-east-1:" + account + ":key/1");
        }
        return new Record(o, eventType, eventSource, name, category, management);
    };

    /** A path of the envelope a pattern may test, and what values it takes. */
    enum Field {
        SOURCE(List.of("source")), DETAIL_TYPE(List.of("detail-type")), ACCOUNT(List.of("account")),
        REGION(List.of("region")), EVENT_NAME(List.of("detail", "eventName")),
        EVENT_SOURCE(List.of("detail", "eventSource")), ERROR(List.of("detail", "errorCode")),
        USER_TYPE(List.of("detail", "userIdentity", "type")), USER(List.of("detail", "userIdentity", "userName")),
        IP(List.of("detail", "sourceIPAddress")), READ_ONLY(List.of("detail", "readOnly")),
        SECRET(List.of("detail", "requestParameters", "secretId")),
        DAYS(List.of("detail", "requestParameters", "recoveryWindowInDays")),
        TAG_KEY(List.of("detail", "requestParameters", "tags", "key")),
        TAG_VALUE(List.of("detail", "requestParameters", "tags", "value")),
        PARAMS(List.of("detail", "requestParameters")),
        RESOURCE_TYPE(List.of("detail", "resources", "type"));

        final List<String> path;

        Field(List<String> path) {
            this.path = path;
        }
    }

    static String someString(RandomGenerator r, Field f) {
        return switch (f) {
            case SOURCE -> "aws." + pick(r, SERVICES);
            case DETAIL_TYPE -> pick(r, DETAIL_TYPES);
            case ACCOUNT -> pick(r, ACCOUNTS);
            case REGION -> pick(r, REGIONS);
            case EVENT_NAME -> pick(r, NAMES);
            case EVENT_SOURCE -> pick(r, SERVICES) + ".amazonaws.com";
            case ERROR -> pick(r, ERRORS);
            case USER_TYPE -> pick(r, USER_TYPES);
            case USER, TAG_VALUE -> pick(r, USERS);
            case IP -> pick(r, IPS);
            case SECRET -> pick(r, SECRETS);
            case TAG_KEY -> pick(r, List.of("team", "env", "owner"));
            case RESOURCE_TYPE -> pick(r, List.of("AWS::KMS::Key", "AWS::S3::Bucket"));
            default -> pick(r, NAMES);
        };
    }

    /** One value matcher of a pattern's array. */
    static JsonNode matcher(RandomGenerator r, Field f) {
        if (f == Field.READ_ONLY) {
            return switch (r.nextInt(3)) {
                case 0 -> NODES.booleanNode(r.nextBoolean());
                case 1 -> NODES.objectNode().put("exists", r.nextBoolean());
                default -> NODES.nullNode();
            };
        }
        if (f == Field.DAYS) {
            switch (r.nextInt(4)) {
                case 0:
                    return NODES.numberNode(pick(r, NUMBERS));
                case 1: {
                    int low = pick(r, NUMBERS);
                    ArrayNode range = NODES.arrayNode().add(pick(r, List.of(">", ">="))).add(low);
                    if (r.nextBoolean()) {
                        range.add(pick(r, List.of("<", "<="))).add(low + 1 + r.nextInt(100));
                    }
                    return NODES.objectNode().set("numeric", range);
                }
                case 2:
                    return NODES.objectNode().set("numeric", NODES.arrayNode().add("=").add(pick(r, NUMBERS)));
                default:
                    return NODES.objectNode().put("exists", r.nextBoolean());
            }
        }
        if (f == Field.PARAMS) {
            return r.nextBoolean() ? NODES.nullNode() : NODES.objectNode().put("exists", r.nextBoolean());
        }
        String s = someString(r, f);
        if (s.isEmpty() && r.nextInt(12) < 10) {
            return NODES.textNode(s);
        }
        String nonEmpty = s.isEmpty() ? "a" : s;
        switch (r.nextInt(12)) {
            case 0:
                return NODES.objectNode().put("prefix", nonEmpty.substring(0, Math.min(nonEmpty.length(),
                        1 + r.nextInt(4))));
            case 1:
                return NODES.objectNode().put("suffix", nonEmpty.substring(Math.max(0,
                        nonEmpty.length() - 1 - r.nextInt(4))));
            case 2:
                return NODES.objectNode().put("anything-but", s);
            case 3:
                return NODES.objectNode().set("anything-but", NODES.arrayNode().add(s).add(someString(r, f)));
            case 4:
                return NODES.objectNode().set("anything-but", NODES.objectNode().put("prefix",
                        nonEmpty.substring(0, Math.min(nonEmpty.length(), 1 + r.nextInt(3)))));
            case 5:
                return NODES.objectNode().put("equals-ignore-case", r.nextBoolean() ? s.toUpperCase() : s);
            case 6: {
                int cut = r.nextInt(nonEmpty.length());
                String middle = nonEmpty.substring(cut, Math.min(nonEmpty.length(), cut + 3));
                return NODES.objectNode().put("wildcard", "*" + middle + (r.nextBoolean() ? "*" : ""));
            }
            case 7:
                return NODES.objectNode().put("exists", r.nextBoolean());
            case 8:
                if (f == Field.IP) {
                    return NODES.objectNode().put("cidr", pick(r, List.of("10.0.0.0/8", "203.0.113.0/24",
                            "10.0.12.0/24")));
                }
                return NODES.textNode(s);
            case 9:
                return NODES.objectNode().set("prefix", NODES.objectNode().put("equals-ignore-case",
                        nonEmpty.substring(0, Math.min(nonEmpty.length(), 2)).toLowerCase()));
            default:
                return NODES.textNode(s);
        }
    }

    static ArrayNode values(RandomGenerator r, Field f) {
        ArrayNode values = NODES.arrayNode();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            values.add(matcher(r, f));
        }
        return values;
    }

    static void put(ObjectNode pattern, List<String> path, ArrayNode values) {
        ObjectNode node = pattern;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode child = node.get(path.get(i));
            node = child instanceof ObjectNode o ? o : node.putObject(path.get(i));
        }
        node.set(path.get(path.size() - 1), values);
    }

    static ObjectNode clauses(RandomGenerator r, int min, int max) {
        ObjectNode pattern = NODES.objectNode();
        int n = min + r.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            Field f = pick(r, List.of(Field.values()));
            if (f == Field.PARAMS && pattern.path("detail").has("requestParameters")) {
                continue;
            }
            if (f.path.size() > 2 && f.path.get(1).equals("requestParameters")
                    && pattern.path("detail").path("requestParameters").isArray()) {
                continue;
            }
            put(pattern, f.path, values(r, f));
        }
        if (pattern.isEmpty()) {
            put(pattern, Field.SOURCE.path, values(r, Field.SOURCE));
        }
        return pattern;
    }

    /** An event pattern: a few clauses, and sometimes an {@code $or} of two or three more. */
    static final Gen<String> PATTERNS = r -> {
        ObjectNode pattern = clauses(r, 1, 3);
        if (chance(r, 25)) {
            ArrayNode or = pattern.putArray("$or");
            int n = 2 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                or.add(clauses(r, 1, 2));
            }
        }
        return pattern.toString();
    };

    static final Gen<RuleState> STATES = r -> switch (r.nextInt(6)) {
        case 0 -> RuleState.DISABLED;
        case 1, 2 -> RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS;
        default -> RuleState.ENABLED;
    };
}
