package dev.cwfilter.testkit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.testkit.internal.Times;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One CloudTrail record, shaped as CloudTrail delivers it to CloudWatch Logs: the fields, their nesting, order and
 * types of the real service's records (eventVersion 1.09). Start from {@link CloudTrailEvents}:
 *
 * <pre>{@code
 * String json = CloudTrailEvents.getSecretValue().user("alice").secret("prod/db").at("2026-11-21T12:03:14Z").build();
 * LogEvent event = CloudTrailEvents.consoleLogin().root().mfa(false).toLogEvent();
 * }</pre>
 *
 * <p>Who: {@link #user(String)} (an IAM user, the default is {@code alice}), {@link #assumedRole(String, String)},
 * {@link #root()}, with {@link #mfa(boolean)} and {@link #invokedBy(String)}. What: {@link #secret},
 * {@link #bucket}, {@link #key}, {@link #targetUser}, {@link #role}, {@link #policyArn}, {@link #policyName},
 * {@link #policyDocument}, each used by the events whose requests carry it. How it ended: {@link #accessDenied()},
 * {@link #markedForDeletion()}, {@link #error(String, String)}, and for console sign-in {@link #failure()}. Anything
 * else: {@link #with(String, Object)} and {@link #without(String)} edit the rendered record by path.
 *
 * <p>Identifiers (eventID, requestID, access key ids) are derived from the content, so the same event builds to the
 * same text every time. Immutable and thread-safe: every setter returns a new event.
 */
public final class CloudTrailEvent implements SampleEvent<CloudTrailEvent> {

    /** The account of every sample unless {@link #account(String)} says otherwise. */
    public static final String DEFAULT_ACCOUNT = "123456789012";

    static final String CLI_USER_AGENT =
            "aws-cli/2.22.0 md/awscrt#0.23.0 ua/2.1 os/linux#6.8 md/arch#x86_64 lang/python#3.12.6";
    static final String BROWSER_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Object REMOVE = new Object();
    private static final DateTimeFormatter IAM_DATE =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The identity kinds CloudTrail records. */
    enum IdentityType { IAM_USER, ASSUMED_ROLE, ROOT }

    /** Everything an event is made of; copied for each change. */
    static final class Fields implements Cloneable {
        CloudTrailEvents.Template template;
        IdentityType identity = IdentityType.IAM_USER;
        String userName = "alice";
        String roleName = "Developer";
        String sessionName = "alice";
        Boolean mfa;
        String invokedBy;
        String account = DEFAULT_ACCOUNT;
        String region = "us-east-1";
        String sourceIp = "203.0.113.21";
        String userAgent;
        Instant time = Times.parse("12:00:00");
        String secret = "prod/orders/db-password";
        String bucket = "orders-invoices";
        String key = "2026/11/invoice-1042.pdf";
        String targetUser = "bob";
        String targetRole = "orders-service-task";
        String policyArn = "arn:aws:iam::aws:policy/AdministratorAccess";
        String policyName = "read-db-secret";
        String policyDocument;
        String errorCode;
        String errorMessage;
        boolean loginFailure;
        List<Object[]> edits = new ArrayList<>();

        @Override
        protected Fields clone() {
            try {
                Fields f = (Fields) super.clone();
                f.edits = new ArrayList<>(edits);
                return f;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Fields f;

    CloudTrailEvent(Fields fields) {
        this.f = fields;
    }

    private CloudTrailEvent with(Consumer<Fields> change) {
        Fields copy = f.clone();
        change.accept(copy);
        return new CloudTrailEvent(copy);
    }

    /** The event's name, such as {@code GetSecretValue}. */
    public String eventName() {
        return f.template.eventName();
    }

    /** The service that recorded it, such as {@code secretsmanager.amazonaws.com}. */
    public String eventSource() {
        return f.template.eventSource();
    }

    /** The error code, if the call failed. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(f.errorCode);
    }

    @Override
    public Instant time() {
        return f.time;
    }

    @Override
    public CloudTrailEvent at(String time) {
        Instant t = Times.parse(Objects.requireNonNull(time, "time"));
        return with(x -> x.time = t);
    }

    /** The same event at this instant. */
    public CloudTrailEvent at(Instant time) {
        Objects.requireNonNull(time, "time");
        return with(x -> x.time = time);
    }

    /** Made by an IAM user with this name (the default identity, {@code alice}). */
    public CloudTrailEvent user(String name) {
        Objects.requireNonNull(name, "name");
        return with(x -> {
            x.identity = IdentityType.IAM_USER;
            x.userName = name;
        });
    }

    /** Made in a session of an assumed role, such as {@code assumedRole("Developer", "alice")}. */
    public CloudTrailEvent assumedRole(String role, String session) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(session, "session");
        return with(x -> {
            x.identity = IdentityType.ASSUMED_ROLE;
            x.roleName = role;
            x.sessionName = session;
        });
    }

    /** Made by the account's root user. */
    public CloudTrailEvent root() {
        return with(x -> x.identity = IdentityType.ROOT);
    }

    /**
     * Whether multi-factor authentication was used: {@code additionalEventData.MFAUsed} of a console sign-in,
     * {@code sessionContext.attributes.mfaAuthenticated} of an assumed-role session.
     */
    public CloudTrailEvent mfa(boolean used) {
        return with(x -> x.mfa = used);
    }

    /**
     * Made by an AWS service on the identity's behalf ({@code userIdentity.invokedBy}, such as
     * {@code ecs-tasks.amazonaws.com}).
     */
    public CloudTrailEvent invokedBy(String service) {
        return with(x -> x.invokedBy = service);
    }

    /** The account id (default {@value #DEFAULT_ACCOUNT}). */
    public CloudTrailEvent account(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return with(x -> x.account = accountId);
    }

    /** The region (default {@code us-east-1}; IAM and sign-in events are global and keep {@code us-east-1}). */
    public CloudTrailEvent region(String region) {
        Objects.requireNonNull(region, "region");
        return with(x -> x.region = region);
    }

    /** The caller's IP address ({@code sourceIPAddress}). */
    public CloudTrailEvent sourceIp(String ip) {
        Objects.requireNonNull(ip, "ip");
        return with(x -> x.sourceIp = ip);
    }

    /** The caller's user agent. */
    public CloudTrailEvent userAgent(String agent) {
        Objects.requireNonNull(agent, "agent");
        return with(x -> x.userAgent = agent);
    }

    /** The secret a Secrets Manager call names ({@code requestParameters.secretId}, the ARN in resources). */
    public CloudTrailEvent secret(String secretId) {
        Objects.requireNonNull(secretId, "secretId");
        return with(x -> x.secret = secretId);
    }

    /** The bucket an S3 call names. */
    public CloudTrailEvent bucket(String bucketName) {
        Objects.requireNonNull(bucketName, "bucketName");
        return with(x -> x.bucket = bucketName);
    }

    /** The object key an S3 object call names. */
    public CloudTrailEvent key(String objectKey) {
        Objects.requireNonNull(objectKey, "objectKey");
        return with(x -> x.key = objectKey);
    }

    /** The IAM user an IAM call acts on ({@code requestParameters.userName}), not the caller. */
    public CloudTrailEvent targetUser(String name) {
        Objects.requireNonNull(name, "name");
        return with(x -> x.targetUser = name);
    }

    /** The IAM role an IAM call acts on ({@code requestParameters.roleName}). */
    public CloudTrailEvent role(String name) {
        Objects.requireNonNull(name, "name");
        return with(x -> x.targetRole = name);
    }

    /** The managed policy an attach or detach call names. */
    public CloudTrailEvent policyArn(String arn) {
        Objects.requireNonNull(arn, "arn");
        return with(x -> x.policyArn = arn);
    }

    /** The inline policy's name. */
    public CloudTrailEvent policyName(String name) {
        Objects.requireNonNull(name, "name");
        return with(x -> x.policyName = name);
    }

    /** The policy document, as JSON text (IAM records carry it as a string; S3's bucket policy as an object). */
    public CloudTrailEvent policyDocument(String json) {
        Objects.requireNonNull(json, "json");
        return with(x -> x.policyDocument = json);
    }

    /**
     * The call was denied: the service's access-denied error code ({@code AccessDenied} for IAM and S3,
     * {@code AccessDeniedException} for Secrets Manager; console sign-in fails instead) and its message.
     */
    public CloudTrailEvent accessDenied() {
        if (f.template.service() == CloudTrailEvents.Service.SIGNIN) {
            return failure();
        }
        String code = f.template.service() == CloudTrailEvents.Service.SECRETS_MANAGER ? "AccessDeniedException"
                : "AccessDenied";
        return with(x -> {
            x.errorCode = code;
            x.errorMessage = x.template.service() == CloudTrailEvents.Service.S3 ? "Access Denied"
                    : "User: " + callerArn(x) + " is not authorized to perform: " + x.template.action()
                    + " on resource: " + resourceName(x) + " because no identity-based policy allows the "
                    + x.template.action() + " action";
        });
    }

    /**
     * A Secrets Manager call on a secret scheduled for deletion: {@code InvalidRequestException}, "You can't perform
     * this operation on the secret because it was marked for deletion."
     *
     * @throws IllegalStateException if this is not a Secrets Manager event
     */
    public CloudTrailEvent markedForDeletion() {
        if (f.template.service() != CloudTrailEvents.Service.SECRETS_MANAGER) {
            throw new IllegalStateException(eventName() + " is not a Secrets Manager event; only secrets are marked"
                    + " for deletion");
        }
        return error("InvalidRequestException",
                "You can't perform this operation on the secret because it was marked for deletion.");
    }

    /** The call failed with this error code and message. */
    public CloudTrailEvent error(String code, String message) {
        Objects.requireNonNull(code, "code");
        return with(x -> {
            x.errorCode = code;
            x.errorMessage = message;
        });
    }

    /**
     * A failed console sign-in: {@code responseElements.ConsoleLogin} is {@code Failure} and errorMessage
     * {@code Failed authentication}.
     *
     * @throws IllegalStateException if this is not a console sign-in
     */
    public CloudTrailEvent failure() {
        if (f.template.service() != CloudTrailEvents.Service.SIGNIN) {
            throw new IllegalStateException(eventName() + " is not a console sign-in; use accessDenied() or error()");
        }
        return with(x -> {
            x.loginFailure = true;
            x.errorMessage = "Failed authentication";
        });
    }

    /**
     * Sets a field of the rendered record, by a dotted path ({@code requestParameters.withDecryption},
     * {@code userIdentity.sessionContext.attributes.mfaAuthenticated}); missing objects on the way are created. The
     * value is a String, Number, Boolean, null, or a Map or List of those.
     */
    public CloudTrailEvent with(String path, Object value) {
        Objects.requireNonNull(path, "path");
        return with(x -> x.edits.add(new Object[] {path, value}));
    }

    /** Removes a field of the rendered record, by a dotted path. */
    public CloudTrailEvent without(String path) {
        Objects.requireNonNull(path, "path");
        return with(x -> x.edits.add(new Object[] {path, REMOVE}));
    }

    /** The record as compact JSON, fields in CloudTrail's order. */
    @Override
    public String build() {
        try {
            return MAPPER.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the record: " + e.getMessage(), e);
        }
    }

    /** The record as JSON; the same as {@link #build()}. */
    @Override
    public String toString() {
        return build();
    }

    /** The record as nested maps and lists, in CloudTrail's field order. */
    public Map<String, Object> toMap() {
        CloudTrailEvents.Template t = f.template;
        boolean signin = t.service() == CloudTrailEvents.Service.SIGNIN;
        boolean failed = f.errorCode != null || f.loginFailure;
        String region = t.service().global() ? "us-east-1" : f.region;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("eventVersion", "1.09");
        r.put("userIdentity", identity(signin));
        r.put("eventTime", Instant.ofEpochSecond(f.time.getEpochSecond()).toString());
        r.put("eventSource", t.eventSource());
        r.put("eventName", t.eventName());
        r.put("awsRegion", region);
        r.put("sourceIPAddress", f.sourceIp);
        r.put("userAgent", f.userAgent != null ? f.userAgent : signin ? BROWSER_USER_AGENT : CLI_USER_AGENT);
        if (f.errorCode != null) {
            r.put("errorCode", f.errorCode);
        }
        if (f.errorMessage != null) {
            r.put("errorMessage", f.errorMessage);
        }
        CloudTrailEvents.Rendered body = t.render(this, failed);
        r.put("requestParameters", body.requestParameters);
        r.put("responseElements", body.responseElements);
        if (body.additionalEventData != null) {
            r.put("additionalEventData", body.additionalEventData);
        }
        String seed = f.time + "|" + t.eventName() + "|" + f.userName + f.roleName + f.sessionName + f.identity
                + "|" + body.requestParameters + "|" + f.errorCode + f.loginFailure + f.sourceIp;
        r.put("requestID", Ids.uuid("request|" + seed));
        r.put("eventID", Ids.uuid("event|" + seed));
        r.put("readOnly", t.readOnly());
        if (body.resources != null) {
            r.put("resources", body.resources);
        }
        r.put("eventType", signin ? "AwsConsoleSignIn" : "AwsApiCall");
        r.put("managementEvent", !t.dataEvent());
        r.put("recipientAccountId", f.account);
        r.put("eventCategory", t.dataEvent() ? "Data" : "Management");
        if (!signin) {
            Map<String, Object> tls = new LinkedHashMap<>();
            tls.put("tlsVersion", "TLSv1.3");
            tls.put("cipherSuite", "TLS_AES_128_GCM_SHA256");
            tls.put("clientProvidedHostHeader", t.host(this, region));
            r.put("tlsDetails", tls);
        }
        for (Object[] edit : f.edits) {
            apply(r, (String) edit[0], edit[1]);
        }
        return r;
    }

    private Map<String, Object> identity(boolean signin) {
        Map<String, Object> id = new LinkedHashMap<>();
        switch (f.identity) {
            case ROOT:
                id.put("type", "Root");
                id.put("principalId", f.account);
                id.put("arn", "arn:aws:iam::" + f.account + ":root");
                id.put("accountId", f.account);
                if (!signin) {
                    id.put("accessKeyId", Ids.iam("ASIA", "root" + f.account, 20));
                }
                break;
            case ASSUMED_ROLE: {
                String roleId = Ids.iam("AROA", "role" + f.roleName + f.account, 21);
                id.put("type", "AssumedRole");
                id.put("principalId", roleId + ":" + f.sessionName);
                id.put("arn", "arn:aws:sts::" + f.account + ":assumed-role/" + f.roleName + "/" + f.sessionName);
                id.put("accountId", f.account);
                id.put("accessKeyId", Ids.iam("ASIA", "session" + f.roleName + f.sessionName, 20));
                Map<String, Object> issuer = new LinkedHashMap<>();
                issuer.put("type", "Role");
                issuer.put("principalId", roleId);
                issuer.put("arn", "arn:aws:iam::" + f.account + ":role/" + f.roleName);
                issuer.put("accountId", f.account);
                issuer.put("userName", f.roleName);
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("creationDate", Instant.ofEpochSecond(f.time.getEpochSecond() - 900).toString());
                attributes.put("mfaAuthenticated", String.valueOf(f.mfa != null && f.mfa));
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("sessionIssuer", issuer);
                context.put("attributes", attributes);
                id.put("sessionContext", context);
                break;
            }
            default:
                id.put("type", "IAMUser");
                id.put("principalId", Ids.iam("AIDA", "user" + f.userName + f.account, 21));
                id.put("arn", "arn:aws:iam::" + f.account + ":user/" + f.userName);
                id.put("accountId", f.account);
                if (!signin) {
                    id.put("accessKeyId", Ids.iam("AKIA", "key" + f.userName + f.account, 20));
                }
                id.put("userName", f.userName);
        }
        if (f.invokedBy != null) {
            id.put("invokedBy", f.invokedBy);
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> record, String path, Object value) {
        String[] steps = path.split("\\.");
        Map<String, Object> node = record;
        for (int i = 0; i < steps.length - 1; i++) {
            Object next = node.get(steps[i]);
            if (!(next instanceof Map)) {
                if (value == REMOVE) {
                    return;
                }
                next = new LinkedHashMap<String, Object>();
                node.put(steps[i], next);
            } else {
                next = new LinkedHashMap<>((Map<String, Object>) next);
                node.put(steps[i], next);
            }
            node = (Map<String, Object>) next;
        }
        if (value == REMOVE) {
            node.remove(steps[steps.length - 1]);
        } else {
            node.put(steps[steps.length - 1], value);
        }
    }

    // Accessors for the templates in CloudTrailEvents.

    Fields fields() {
        return f;
    }

    String secretArn() {
        return "arn:aws:secretsmanager:" + f.region + ":" + f.account + ":secret:" + f.secret + "-"
                + Ids.suffix("secret" + f.secret, 6);
    }

    String iamDate() {
        return IAM_DATE.format(f.time);
    }

    String callerArn() {
        return callerArn(f);
    }

    private static String callerArn(Fields x) {
        switch (x.identity) {
            case ROOT:
                return "arn:aws:iam::" + x.account + ":root";
            case ASSUMED_ROLE:
                return "arn:aws:sts::" + x.account + ":assumed-role/" + x.roleName + "/" + x.sessionName;
            default:
                return "arn:aws:iam::" + x.account + ":user/" + x.userName;
        }
    }

    private static String resourceName(Fields x) {
        switch (x.template.service()) {
            case SECRETS_MANAGER:
                return x.secret;
            case IAM:
                return x.template.eventName().contains("Role") ? "arn:aws:iam::" + x.account + ":role/" + x.targetRole
                        : "arn:aws:iam::" + x.account + ":user/" + x.targetUser;
            default:
                return "arn:aws:s3:::" + x.bucket;
        }
    }
}
