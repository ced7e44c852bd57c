package dev.cwfilter.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input templates of an {@code InputTransformer}, as EventBridge fills them (EventBridge User Guide, "Amazon
 * EventBridge input transformation"; PutTargets API reference, {@code InputTransformer}; AWS-SHAPES §2.7, whose rules
 * come from AWS-recorded LocalStack tests):
 * <ul>
 *   <li>a placeholder {@code <name>} is a key of {@code InputPathsMap} or a reserved variable
 *       ({@code <aws.events.rule-arn>}, {@code <aws.events.rule-name>}, {@code <aws.events.event.ingestion-time>},
 *       {@code <aws.events.event>}, {@code <aws.events.event.json>}); any other {@code <name>} is rejected when the
 *       target is put, and the two event variables only stand for a JSON value, never inside a string;</li>
 *   <li>a template that is a JSON object (it starts with <code>{</code>) is filled as JSON: outside a string, a value
 *       is inserted as JSON (a string quoted and escaped) and a path that selects nothing as {@code ""}; inside a
 *       string, a string, number or boolean is inserted raw (nothing escaped), an object or array as its JSON, and
 *       nothing for a path that selects nothing. If the result is not valid JSON (an object inside a string, a
 *       value with a quote mark), EventBridge silently delivers nothing;</li>
 *   <li>any other template (a quoted string, plain text) is text: every value is inserted raw, an object as
 *       {@code {k:v,k2:v2}} and an array as {@code [a,b]} without quotes, and the text is delivered as it comes out
 *       ({@code "<instance> is in state <status>"} gives {@code i-0123 is in state running}).</li>
 * </ul>
 * A compiled template is immutable and thread-safe.
 */
public final class Templates {

    /** The reserved variables. */
    public static final String RULE_ARN = "aws.events.rule-arn";
    /** The rule's name. */
    public static final String RULE_NAME = "aws.events.rule-name";
    /** When EventBridge received the event. */
    public static final String INGESTION_TIME = "aws.events.event.ingestion-time";
    /** The event without its detail. */
    public static final String EVENT = "aws.events.event";
    /** The whole event. */
    public static final String EVENT_JSON = "aws.events.event.json";

    private static final Set<String> RESERVED = Set.of(RULE_ARN, RULE_NAME, INGESTION_TIME, EVENT, EVENT_JSON);
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");

    private Templates() {
    }

    /** Whether a name is one of the reserved variables. */
    public static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    /** A piece of a template: literal text, or a placeholder inside or outside a JSON string. */
    record Piece(String literal, String name, boolean inString) {
    }

    /** A compiled template. */
    public static final class Template {
        private final List<Piece> pieces;
        private final boolean json;

        Template(List<Piece> pieces, boolean json) {
            this.pieces = List.copyOf(pieces);
            this.json = json;
        }

        /** Whether the template is a JSON object, filled as JSON and delivered only if the result is JSON. */
        public boolean isJson() {
            return json;
        }

        /**
         * Fills the template.
         *
         * @param values the value of each placeholder: a tree, or null if its path selects nothing
         * @return the text, or null if the template is a JSON object and the result is not JSON, which EventBridge
         *         does not deliver
         */
        public String fill(Map<String, JsonNode> values) {
            StringBuilder sb = new StringBuilder();
            for (Piece piece : pieces) {
                if (piece.literal != null) {
                    sb.append(piece.literal);
                    continue;
                }
                JsonNode value = values.get(piece.name);
                if (!json) {
                    if (value != null) {
                        raw(value, sb);
                    }
                } else if (piece.inString) {
                    if (value == null) {
                        continue;
                    }
                    if (value.isContainerNode()) {
                        sb.append(JsonText.write(value));
                    } else {
                        raw(value, sb);
                    }
                } else if (value == null) {
                    sb.append("\"\"");
                } else {
                    sb.append(JsonText.write(value));
                }
            }
            String text = sb.toString();
            return json && !JsonText.isValid(text) ? null : text;
        }

        /** The placeholders' names, each once, in order. */
        public List<String> names() {
            List<String> names = new ArrayList<>();
            for (Piece p : pieces) {
                if (p.name != null && !names.contains(p.name)) {
                    names.add(p.name);
                }
            }
            return names;
        }
    }

    /** A value as text: nothing quoted, nothing escaped. */
    static void raw(JsonNode value, StringBuilder sb) {
        if (value.isTextual()) {
            sb.append(value.textValue());
        } else if (value.isObject()) {
            sb.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(e.getKey()).append(':');
                raw(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value.isArray()) {
            sb.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                raw(value.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(value.asText());
        }
    }

    /**
     * Compiles a template, as PutTargets checks it.
     *
     * @param targetId the target's id, for EventBridge's messages
     * @param defined  the keys of {@code InputPathsMap}
     * @throws IllegalArgumentException with EventBridge's message for an undefined placeholder, or ours
     */
    public static Template compile(String template, String targetId, Set<String> defined) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int from = 0;
        boolean inString = false;
        int scanned = 0;
        while (m.find()) {
            inString = quoteState(template, scanned, m.start(), inString);
            scanned = m.start();
            String name = m.group(1);
            if (!defined.contains(name) && !RESERVED.contains(name)) {
                throw new IllegalArgumentException("InputTemplate for target " + targetId
                        + " contains invalid placeholder " + name + ".");
            }
            if (inString && (name.equals(EVENT) || name.equals(EVENT_JSON))) {
                throw new IllegalArgumentException("InputTemplate for target " + targetId + ": <" + name + "> stands"
                        + " for a JSON object and cannot be used inside a string");
            }
            if (m.start() > from) {
                pieces.add(new Piece(template.substring(from, m.start()), null, false));
            }
            pieces.add(new Piece(null, name, inString));
            from = m.end();
            inString = quoteState(template, m.start(), m.end(), inString);
            scanned = m.end();
        }
        if (from < template.length()) {
            pieces.add(new Piece(template.substring(from), null, false));
        }
        return new Template(pieces, template.strip().startsWith("{"));
    }

    /** Whether the text is inside a JSON string at {@code to}, given whether it was at {@code from}. */
    private static boolean quoteState(String text, int from, int to, boolean inString) {
        boolean in = inString;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (in && c == '\\') {
                i++;
            } else if (c == '"') {
                in = !in;
            }
        }
        return in;
    }
}
