package dev.cwfilter.testkit.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Realistic CloudTrail records, one factory per API call: Secrets Manager, IAM, S3 and console sign-in. Each returns a
 * {@link CloudTrailEvent} with sensible defaults (an IAM user {@code alice} in account {@code 123456789012},
 * {@code us-east-1}, 2026-11-21 12:00:00 UTC) that its setters vary:
 *
 * <pre>{@code
 * CloudTrailEvents.getSecretValue().user("alice").secret("prod/db").at("2026-11-21T12:03:14Z").build();
 * CloudTrailEvents.putSecretValue().secret("prod/legacy/smtp").markedForDeletion().build();
 * CloudTrailEvents.attachUserPolicy().targetUser("mallory").policyArn("arn:aws:iam::aws:policy/AdministratorAccess");
 * CloudTrailEvents.getObject().bucket("invoices").key("2026/11/a.pdf").accessDenied();
 * CloudTrailEvents.consoleLogin().root().mfa(false);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CloudTrailEvents {

    /** The services the samples cover. */
    enum Service {
        SECRETS_MANAGER("secretsmanager", false),
        IAM("iam", true),
        S3("s3", false),
        SIGNIN("signin", true);

        private final String prefix;
        private final boolean global;

        Service(String prefix, boolean global) {
            this.prefix = prefix;
            this.global = global;
        }

        boolean global() {
            return global;
        }
    }

    /** The parts of a record that depend on the call. */
    static final class Rendered {
        Map<String, Object> requestParameters;
        Map<String, Object> responseElements;
        Map<String, Object> additionalEventData;
        List<Map<String, Object>> resources;
    }

    /** Fills the call-specific parts of a record. */
    interface Renderer {
        void render(CloudTrailEvent event, CloudTrailEvent.Fields f, boolean failed, Rendered out);
    }

    /** One API call: its service, name, whether it only reads, whether it is a data event, and its request shape. */
    record Template(Service service, String eventName, boolean readOnly, boolean dataEvent, Renderer renderer) {
        String eventSource() {
            return service.prefix + ".amazonaws.com";
        }

        String action() {
            return service.prefix + ":" + eventName;
        }

        String host(CloudTrailEvent e, String region) {
            if (service == Service.S3) {
                return e.fields().bucket + ".s3." + region + ".amazonaws.com";
            }
            return service.global ? service.prefix + ".amazonaws.com" : service.prefix + "." + region
                    + ".amazonaws.com";
        }

        Rendered render(CloudTrailEvent e, boolean failed) {
            Rendered out = new Rendered();
            renderer.render(e, e.fields(), failed, out);
            return out;
        }
    }

    private static final Map<String, Template> TEMPLATES = new LinkedHashMap<>();

    static {
        // Secrets Manager
        add(Service.SECRETS_MANAGER, "GetSecretValue", true, false, (e, f, failed, out) -> {
            out.requestParameters = map("secretId", f.secret);
            if (!failed) {
                out.resources = List.of(secretResource(e));
            }
        });
        add(Service.SECRETS_MANAGER, "DescribeSecret", true, false, (e, f, failed, out) ->
                out.requestParameters = map("secretId", f.secret));
        add(Service.SECRETS_MANAGER, "ListSecrets", true, false, (e, f, failed, out) ->
                out.requestParameters = map("maxResults", 100));
        add(Service.SECRETS_MANAGER, "CreateSecret", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("name", f.secret, "clientRequestToken", Ids.uuid("token" + f.secret + f.time),
                    "description", "");
            if (!failed) {
                out.responseElements = map("arn", e.secretArn(), "name", f.secret,
                        "versionId", Ids.uuid("version" + f.secret + f.time));
            }
        });
        add(Service.SECRETS_MANAGER, "PutSecretValue", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("secretId", f.secret,
                    "clientRequestToken", Ids.uuid("token" + f.secret + f.time));
            if (!failed) {
                out.responseElements = map("arn", e.secretArn(), "name", f.secret,
                        "versionId", Ids.uuid("version" + f.secret + f.time), "versionStages", List.of("AWSCURRENT"));
            }
        });
        add(Service.SECRETS_MANAGER, "UpdateSecret", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("secretId", f.secret, "clientRequestToken",
                    Ids.uuid("token" + f.secret + f.time));
            if (!failed) {
                out.responseElements = map("arn", e.secretArn(), "name", f.secret);
            }
        });
        add(Service.SECRETS_MANAGER, "DeleteSecret", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("secretId", f.secret, "recoveryWindowInDays", 30);
            if (!failed) {
                out.responseElements = map("arn", e.secretArn(), "name", f.secret, "deletionDate",
                        java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", java.util.Locale.ENGLISH)
                                .withZone(java.time.ZoneOffset.UTC).format(f.time.plusSeconds(30L * 86400)));
            }
        });
        add(Service.SECRETS_MANAGER, "RestoreSecret", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("secretId", f.secret);
            if (!failed) {
                out.responseElements = map("arn", e.secretArn(), "name", f.secret);
            }
        });
        add(Service.SECRETS_MANAGER, "RotateSecret", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("secretId", f.secret, "clientRequestToken",
                    Ids.uuid("token" + f.secret + f.time), "rotateImmediately", true);
            if (!failed) {
                out.responseElements = map("arn", e.secretArn(), "name", f.secret, "versionId",
                        Ids.uuid("version" + f.secret + f.time));
            }
        });

        // IAM
        add(Service.IAM, "CreateUser", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("userName", f.targetUser);
            if (!failed) {
                out.responseElements = map("user", map("path", "/", "userName", f.targetUser,
                        "userId", Ids.iam("AIDA", "user" + f.targetUser + f.account, 21),
                        "arn", "arn:aws:iam::" + f.account + ":user/" + f.targetUser, "createDate", e.iamDate()));
            }
        });
        add(Service.IAM, "DeleteUser", false, false, (e, f, failed, out) ->
                out.requestParameters = map("userName", f.targetUser));
        add(Service.IAM, "CreateAccessKey", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("userName", f.targetUser);
            if (!failed) {
                out.responseElements = map("accessKey", map("userName", f.targetUser,
                        "accessKeyId", Ids.iam("AKIA", "newkey" + f.targetUser + f.time, 20), "status", "Active",
                        "createDate", e.iamDate()));
            }
        });
        add(Service.IAM, "AttachUserPolicy", false, false, (e, f, failed, out) ->
                out.requestParameters = map("userName", f.targetUser, "policyArn", f.policyArn));
        add(Service.IAM, "DetachUserPolicy", false, false, (e, f, failed, out) ->
                out.requestParameters = map("userName", f.targetUser, "policyArn", f.policyArn));
        add(Service.IAM, "AttachRolePolicy", false, false, (e, f, failed, out) ->
                out.requestParameters = map("roleName", f.targetRole, "policyArn", f.policyArn));
        add(Service.IAM, "DetachRolePolicy", false, false, (e, f, failed, out) ->
                out.requestParameters = map("roleName", f.targetRole, "policyArn", f.policyArn));
        add(Service.IAM, "PutUserPolicy", false, false, (e, f, failed, out) ->
                out.requestParameters = map("userName", f.targetUser, "policyName", f.policyName,
                        "policyDocument", policy(e)));
        add(Service.IAM, "PutRolePolicy", false, false, (e, f, failed, out) ->
                out.requestParameters = map("roleName", f.targetRole, "policyName", f.policyName,
                        "policyDocument", policy(e)));
        add(Service.IAM, "DeleteUserPolicy", false, false, (e, f, failed, out) ->
                out.requestParameters = map("userName", f.targetUser, "policyName", f.policyName));
        add(Service.IAM, "DeleteRolePolicy", false, false, (e, f, failed, out) ->
                out.requestParameters = map("roleName", f.targetRole, "policyName", f.policyName));
        add(Service.IAM, "CreatePolicy", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("policyName", f.policyName, "policyDocument", policy(e));
            if (!failed) {
                out.responseElements = map("policy", map("policyName", f.policyName,
                        "policyId", Ids.iam("ANPA", "policy" + f.policyName, 21),
                        "arn", "arn:aws:iam::" + f.account + ":policy/" + f.policyName, "path", "/",
                        "defaultVersionId", "v1", "attachmentCount", 0, "permissionsBoundaryUsageCount", 0,
                        "isAttachable", true, "createDate", e.iamDate(), "updateDate", e.iamDate()));
            }
        });

        // S3: object calls are data events; bucket calls are management events.
        for (String name : List.of("GetObject", "PutObject", "DeleteObject")) {
            add(Service.S3, name, name.equals("GetObject"), true, (e, f, failed, out) -> {
                out.requestParameters = map("bucketName", f.bucket, "Host", f.bucket + ".s3." + f.region
                        + ".amazonaws.com", "key", f.key);
                out.additionalEventData = map("SignatureVersion", "SigV4", "CipherSuite", "TLS_AES_128_GCM_SHA256",
                        "bytesTransferredIn", name.equals("PutObject") ? 48213 : 0,
                        "AuthenticationMethod", "AuthHeader", "x-amz-id-2", Ids.suffix("id2" + f.key + f.time, 40),
                        "bytesTransferredOut", name.equals("GetObject") && !failed ? 48213 : 0);
                out.resources = List.of(map("type", "AWS::S3::Object", "ARN", "arn:aws:s3:::" + f.bucket + "/" + f.key),
                        map("accountId", f.account, "type", "AWS::S3::Bucket", "ARN", "arn:aws:s3:::" + f.bucket));
            });
        }
        add(Service.S3, "ListBuckets", true, false, (e, f, failed, out) ->
                out.requestParameters = map("Host", "s3." + f.region + ".amazonaws.com"));
        add(Service.S3, "CreateBucket", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("CreateBucketConfiguration", map("LocationConstraint", f.region,
                    "xmlns", "http://s3.amazonaws.com/doc/2006-03-01/"), "bucketName", f.bucket,
                    "Host", f.bucket + ".s3." + f.region + ".amazonaws.com");
            bucketResource(f, out);
        });
        add(Service.S3, "PutBucketPolicy", false, false, (e, f, failed, out) -> {
            Map<String, Object> statement = map("Sid", "AllowOrdersService", "Effect", "Allow",
                    "Principal", map("AWS", "arn:aws:iam::" + f.account + ":role/orders-service-task"),
                    "Action", "s3:GetObject", "Resource", "arn:aws:s3:::" + f.bucket + "/*");
            out.requestParameters = map("bucketPolicy", f.policyDocument != null ? parse(f.policyDocument)
                    : map("Version", "2012-10-17", "Statement", List.of(statement)), "bucketName", f.bucket,
                    "Host", f.bucket + ".s3." + f.region + ".amazonaws.com", "policy", "");
            bucketResource(f, out);
        });
        add(Service.S3, "DeleteBucketPolicy", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("bucketName", f.bucket, "Host", f.bucket + ".s3." + f.region
                    + ".amazonaws.com", "policy", "");
            bucketResource(f, out);
        });
        add(Service.S3, "PutBucketAcl", false, false, (e, f, failed, out) -> {
            out.requestParameters = map("bucketName", f.bucket, "Host", f.bucket + ".s3." + f.region
                    + ".amazonaws.com", "acl", "", "x-amz-acl", List.of("public-read"));
            bucketResource(f, out);
        });

        // Console sign-in
        add(Service.SIGNIN, "ConsoleLogin", false, false, (e, f, failed, out) -> {
            out.requestParameters = null;
            out.responseElements = map("ConsoleLogin", f.loginFailure ? "Failure" : "Success");
            out.additionalEventData = map("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs"
                    + "%23&isauthcode=true", "MobileVersion", "No", "MFAUsed", f.mfa != null && f.mfa ? "Yes" : "No");
        });
    }

    private CloudTrailEvents() {
    }

    private static void add(Service service, String name, boolean readOnly, boolean dataEvent, Renderer renderer) {
        TEMPLATES.put(name, new Template(service, name, readOnly, dataEvent, renderer));
    }

    private static void bucketResource(CloudTrailEvent.Fields f, Rendered out) {
        out.resources = List.of(map("accountId", f.account, "type", "AWS::S3::Bucket", "ARN",
                "arn:aws:s3:::" + f.bucket));
    }

    private static Map<String, Object> secretResource(CloudTrailEvent e) {
        return map("accountId", e.fields().account, "type", "AWS::SecretsManager::Secret", "ARN", e.secretArn());
    }

    private static String policy(CloudTrailEvent e) {
        CloudTrailEvent.Fields f = e.fields();
        if (f.policyDocument != null) {
            return f.policyDocument;
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
                + " \"secretsmanager:GetSecretValue\", \"Resource\": \"" + e.secretArn() + "\"}]\n}";
    }

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("the policy document is not JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * The event for any supported call, by its CloudTrail event name.
     *
     * @throws IllegalArgumentException if the name is not one of {@link #eventNames()}
     */
    public static CloudTrailEvent of(String eventName) {
        Template t = TEMPLATES.get(Objects.requireNonNull(eventName, "eventName"));
        if (t == null) {
            throw new IllegalArgumentException("no sample for " + eventName + "; the samples cover " + eventNames());
        }
        CloudTrailEvent.Fields f = new CloudTrailEvent.Fields();
        f.template = t;
        return new CloudTrailEvent(f);
    }

    /** Every event name with a sample, grouped by service. */
    public static List<String> eventNames() {
        return List.copyOf(TEMPLATES.keySet());
    }

    /**
     * The event names of one service's samples ({@code secretsmanager.amazonaws.com}, {@code iam.amazonaws.com},
     * ...).
     */
    public static List<String> eventNames(String eventSource) {
        List<String> names = new ArrayList<>();
        for (Template t : TEMPLATES.values()) {
            if (t.eventSource().equals(eventSource)) {
                names.add(t.eventName());
            }
        }
        return names;
    }

    /** Secrets Manager GetSecretValue. */
    public static CloudTrailEvent getSecretValue() {
        return of("GetSecretValue");
    }

    /** Secrets Manager DescribeSecret. */
    public static CloudTrailEvent describeSecret() {
        return of("DescribeSecret");
    }

    /** Secrets Manager ListSecrets. */
    public static CloudTrailEvent listSecrets() {
        return of("ListSecrets");
    }

    /** Secrets Manager CreateSecret. */
    public static CloudTrailEvent createSecret() {
        return of("CreateSecret");
    }

    /** Secrets Manager PutSecretValue. */
    public static CloudTrailEvent putSecretValue() {
        return of("PutSecretValue");
    }

    /** Secrets Manager UpdateSecret. */
    public static CloudTrailEvent updateSecret() {
        return of("UpdateSecret");
    }

    /** Secrets Manager DeleteSecret (scheduled with a 30-day recovery window). */
    public static CloudTrailEvent deleteSecret() {
        return of("DeleteSecret");
    }

    /** Secrets Manager RestoreSecret. */
    public static CloudTrailEvent restoreSecret() {
        return of("RestoreSecret");
    }

    /** Secrets Manager RotateSecret. */
    public static CloudTrailEvent rotateSecret() {
        return of("RotateSecret");
    }

    /** IAM CreateUser; the new user is {@link CloudTrailEvent#targetUser(String)}. */
    public static CloudTrailEvent createUser() {
        return of("CreateUser");
    }

    /** IAM DeleteUser. */
    public static CloudTrailEvent deleteUser() {
        return of("DeleteUser");
    }

    /** IAM CreateAccessKey. */
    public static CloudTrailEvent createAccessKey() {
        return of("CreateAccessKey");
    }

    /** IAM AttachUserPolicy. */
    public static CloudTrailEvent attachUserPolicy() {
        return of("AttachUserPolicy");
    }

    /** IAM DetachUserPolicy. */
    public static CloudTrailEvent detachUserPolicy() {
        return of("DetachUserPolicy");
    }

    /** IAM AttachRolePolicy. */
    public static CloudTrailEvent attachRolePolicy() {
        return of("AttachRolePolicy");
    }

    /** IAM DetachRolePolicy. */
    public static CloudTrailEvent detachRolePolicy() {
        return of("DetachRolePolicy");
    }

    /** IAM PutUserPolicy. */
    public static CloudTrailEvent putUserPolicy() {
        return of("PutUserPolicy");
    }

    /** IAM PutRolePolicy. */
    public static CloudTrailEvent putRolePolicy() {
        return of("PutRolePolicy");
    }

    /** IAM DeleteUserPolicy. */
    public static CloudTrailEvent deleteUserPolicy() {
        return of("DeleteUserPolicy");
    }

    /** IAM DeleteRolePolicy. */
    public static CloudTrailEvent deleteRolePolicy() {
        return of("DeleteRolePolicy");
    }

    /** IAM CreatePolicy. */
    public static CloudTrailEvent createPolicy() {
        return of("CreatePolicy");
    }

    /** S3 GetObject, a data event. */
    public static CloudTrailEvent getObject() {
        return of("GetObject");
    }

    /** S3 PutObject, a data event. */
    public static CloudTrailEvent putObject() {
        return of("PutObject");
    }

    /** S3 DeleteObject, a data event. */
    public static CloudTrailEvent deleteObject() {
        return of("DeleteObject");
    }

    /** S3 ListBuckets. */
    public static CloudTrailEvent listBuckets() {
        return of("ListBuckets");
    }

    /** S3 CreateBucket. */
    public static CloudTrailEvent createBucket() {
        return of("CreateBucket");
    }

    /** S3 PutBucketPolicy; the policy is an object in the record ({@link CloudTrailEvent#policyDocument} to set it). */
    public static CloudTrailEvent putBucketPolicy() {
        return of("PutBucketPolicy");
    }

    /** S3 DeleteBucketPolicy. */
    public static CloudTrailEvent deleteBucketPolicy() {
        return of("DeleteBucketPolicy");
    }

    /** S3 PutBucketAcl (a canned {@code public-read} ACL). */
    public static CloudTrailEvent putBucketAcl() {
        return of("PutBucketAcl");
    }

    /**
     * A console sign-in, successful unless {@link CloudTrailEvent#failure()}; MFA not used unless
     * {@link CloudTrailEvent#mfa(boolean)}.
     */
    public static CloudTrailEvent consoleLogin() {
        return of("ConsoleLogin");
    }
}
