package dev.cwfilter.events.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Event patterns checked by event-ruler, the matcher EventBridge uses: its JSON rule compiler decides what is valid
 * and says why not; this class only finds where. Stateless and thread-safe.
 */
public final class EventPatterns {

    /** The longest event pattern PutRule takes, in characters. */
    public static final int MAX_LENGTH = 4096;

    private EventPatterns() {
    }

    /** Why a pattern is rejected, and where. */
    public record Problem(String path, String message, int line, int column, String excerpt) {
        /** {@code EventPattern} or {@code EventPattern at detail.eventName}. */
        public String part() {
            return path.isEmpty() ? "EventPattern" : "EventPattern at " + path;
        }

        /** The message, where it is, and the excerpt with its caret. */
        public String describe() {
            return message + (line > 0 ? " (line " + line + ", column " + column + ")" : "")
                    + (excerpt.isEmpty() ? "" : "\n" + excerpt);
        }
    }

    /** The problem with a pattern, or null if event-ruler (and PutRule's length limit) accepts it. */
    public static Problem check(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            return new Problem("", "the pattern is " + pattern.length() + " characters long; EventBridge takes "
                    + MAX_LENGTH + " at most", 0, 0, "");
        }
        try {
            JsonRuleCompiler.compile(pattern);
        } catch (JsonProcessingException e) {
            return locate(pattern, e.getOriginalMessage(), e.getLocation());
        } catch (IOException | RuntimeException e) {
            return new Problem("", String.valueOf(e.getMessage()), 0, 0, "");
        }
        try {
            // The machine adds checks of its own (no more than 256 fields in a rule).
            Machine.builder().build().addRule("check", pattern);
        } catch (IOException | RuntimeException e) {
            return new Problem("", String.valueOf(e.getMessage()), 0, 0, "");
        }
        return null;
    }

    /**
     * Jackson's reference to where an open container began, which quotes the whole source again: {@code (for Array
     * starting at [Source: (String)"{...}"; line: 1, column: 26])}.
     */
    private static final Pattern OPENED_AT = Pattern.compile(
            " \\(for (\\w+) starting at \\[Source: .*; line: (\\d+), column: (\\d+)]\\)");

    private static Problem locate(String pattern, String message, JsonLocation at) {
        String first = message == null ? "invalid" : message.lines().findFirst().orElse("invalid");
        // Where the container began, without the pattern quoted again (the excerpt shows it).
        first = OPENED_AT.matcher(first).replaceAll(m -> Matcher.quoteReplacement(" (for the "
                + m.group(1).toLowerCase(Locale.ROOT) + " opened at line " + m.group(2) + ", column " + m.group(3)
                + ")"));
        if (at == null || at.getLineNr() < 1) {
            return new Problem("", first, 0, 0, "");
        }
        long offset = at.getCharOffset();
        return new Problem(pathAt(pattern, offset), first, at.getLineNr(), at.getColumnNr(),
                excerpt(pattern, at.getLineNr(), at.getColumnNr()));
    }

    /** The dotted path ({@code detail.eventName[0].prefix}) of the token that ends at or after the offset. */
    static String pathAt(String pattern, long offset) {
        JsonStreamContext context = null;
        try (JsonParser p = JsonText.FACTORY.createParser(pattern)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                context = p.getParsingContext();
                if (p.currentLocation().getCharOffset() >= offset) {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        context = context.getParent();
                    }
                    break;
                }
            }
        } catch (JsonProcessingException e) {
            context = e.getProcessor() instanceof JsonParser p ? p.getParsingContext() : context;
        } catch (IOException e) {
            return "";
        }
        return dotted(context);
    }

    private static String dotted(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() != null) {
                    steps.push("." + c.getCurrentName());
                }
            } else if (c.inArray()) {
                steps.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** The pattern's line with a caret under the column (both 1-based), indented by two spaces. */
    static String excerpt(String pattern, int line, int column) {
        String[] lines = pattern.split("\r\n|\r|\n", -1);
        if (line > lines.length) {
            return "";
        }
        String text = lines[line - 1];
        int caret = Math.max(0, Math.min(column - 1, text.length()));
        return "  " + text + "\n  " + " ".repeat(caret) + "^";
    }
}
