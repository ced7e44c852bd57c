package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Privileged use without MFA, {@code { ($.userIdentity.type = "Root" ||
 * $.userIdentity.sessionContext.sessionIssuer.userName = "BreakGlassAdmin") &&
 * $.userIdentity.sessionContext.attributes.mfaAuthenticated = "false" }}: {@code &&} and {@code ||} over selectors three
 * and four levels deep. Beside it the same question written by hand with jackson-core (into {@code userIdentity} and no
 * further than the answer) and asked of a jackson-databind tree; the full token pass is {@link TokenPassBenchmark}, on
 * the same events. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public class CompoundBenchmark extends JsonFamilyBenchmark {

    public CompoundBenchmark() {
        super(Family.COMPOUND, HAND_WRITTEN, CompoundBenchmark::databind);
    }

    /**
     * The pattern written by hand with jackson-core: find {@code userIdentity}, read the three values inside it,
     * skipping every other subtree, and answer when the object ends. Inside {@code userIdentity} the last occurrence
     * of a key decides, as in CloudWatch; that costs nothing, since the object is read to its end either way.
     */
    static final Baselines.HandWritten HAND_WRITTEN = new Baselines.HandWritten("userIdentity",
            (p, value) -> value == START_OBJECT && privilegedWithoutMfa(p));

    private static boolean privilegedWithoutMfa(JsonParser p) throws IOException {
        String type = null;
        String issuer = null;
        String mfa = null;
        while (p.nextToken() == FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("type".equals(name)) {
                type = stringValue(p, value);
            } else if ("sessionContext".equals(name)) {
                issuer = null;
                mfa = null;
                if (value != START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == FIELD_NAME) {
                    String context = p.currentName();
                    JsonToken inner = p.nextToken();
                    if ("sessionIssuer".equals(context)) {
                        issuer = stringField(p, inner, "userName");
                    } else if ("attributes".equals(context)) {
                        mfa = stringField(p, inner, "mfaAuthenticated");
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return ("Root".equals(type) || "BreakGlassAdmin".equals(issuer)) && "false".equals(mfa);
    }

    /**
     * The string value of the field's last occurrence in the object value the parser is at, read to the object's end;
     * null when the value is not an object or the field is absent or not a string.
     */
    private static String stringField(JsonParser p, JsonToken object, String field) throws IOException {
        if (object != START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String found = null;
        while (p.nextToken() == FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals(name)) {
                found = stringValue(p, value);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    /** The text of a string value, or null (after skipping it) for any other value. */
    private static String stringValue(JsonParser p, JsonToken value) throws IOException {
        if (value == VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        JsonNode identity = Baselines.tree(event).path("userIdentity");
        JsonNode context = identity.path("sessionContext");
        return (Baselines.isText(identity.path("type"), "Root")
                || Baselines.isText(context.path("sessionIssuer").path("userName"), "BreakGlassAdmin"))
                && Baselines.isText(context.path("attributes").path("mfaAuthenticated"), "false");
    }
}
