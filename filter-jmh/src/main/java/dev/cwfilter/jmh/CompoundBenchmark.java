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
        super(Family.COMPOUND, CompoundBenchmark::handWritten, CompoundBenchmark::databind);
    }

    /**
     * The pattern written by hand with jackson-core: find {@code userIdentity}, read the three values inside it,
     * skipping every other subtree, and answer when the object ends.
     */
    static boolean handWritten(byte[] event) {
        return Baselines.topLevelField(event, "userIdentity",
                (p, value) -> value == START_OBJECT && privilegedWithoutMfa(p));
    }

    private static boolean privilegedWithoutMfa(JsonParser p) throws IOException {
        String type = null;
        String issuer = null;
        String mfa = null;
        while (p.nextToken() == FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("type".equals(name) && value == VALUE_STRING) {
                type = p.getText();
            } else if ("sessionContext".equals(name) && value == START_OBJECT) {
                while (p.nextToken() == FIELD_NAME) {
                    String context = p.currentName();
                    JsonToken inner = p.nextToken();
                    if ("sessionIssuer".equals(context) && inner == START_OBJECT) {
                        issuer = stringField(p, "userName");
                    } else if ("attributes".equals(context) && inner == START_OBJECT) {
                        mfa = stringField(p, "mfaAuthenticated");
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

    /** The string value of the field in the object the parser is in, read to the object's end. */
    private static String stringField(JsonParser p, String field) throws IOException {
        String found = null;
        while (p.nextToken() == FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (found == null && field.equals(name) && value == VALUE_STRING) {
                found = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return found;
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
