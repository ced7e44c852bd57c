package dev.cwfilter.jmh;

/**
 * The pattern families of the suite: each is one filter pattern, measured beside baselines that answer the same
 * question, over a corpus in which the family's condition holds for a chosen share of the events.
 *
 * <p>Immutable and thread-safe.
 */
public enum Family {

    /** The seed scenario's pattern: one top-level string equality. */
    SEED_EQUALITY("seed equality", "{ $.eventName = \"GetSecretValue\" }"),
    /** The seed scenario's literal as a term: a substring anywhere in the event. */
    TERM("term", "GetSecretValue"),
    /** A numeric comparison on a top-level field every event has. */
    NUMERIC("numeric", "{ $.latency > 4000 }"),
    /** A string wildcard on a top-level field a minority of events has. */
    WILDCARD("wildcard", "{ $.errorMessage = \"*marked for deletion*\" }"),
    /** Privileged use without MFA: the root user or the break-glass role, on a session without MFA. */
    COMPOUND("compound", "{ ($.userIdentity.type = \"Root\""
            + " || $.userIdentity.sessionContext.sessionIssuer.userName = \"BreakGlassAdmin\")"
            + " && $.userIdentity.sessionContext.attributes.mfaAuthenticated = \"false\" }"),
    /** Any use of one KMS key: an array wildcard over the resources CloudTrail lists. */
    ARRAY("array selector", "{ $.resources[*].ARN = \"" + Corpus.WATCHED_KEY_ARN + "\" }"),
    /** Penetration-testing distributions in the user agent: a regular expression on one JSON value. */
    REGEX("regex", "{ $.userAgent = %[Kk]ali|[Pp]arrot|[Pp]entoo% }"),
    /** Client errors in an Apache combined log: a space-delimited pattern. */
    DELIMITED("space-delimited", "[ip, id, user, timestamp, request, status_code = 4*, size]");

    private final String label;
    private final String pattern;

    Family(String label, String pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    /** A short name for tables. */
    public String label() {
        return label;
    }

    /** The filter pattern, as a user writes it. */
    public String pattern() {
        return pattern;
    }
}
