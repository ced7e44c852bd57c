package dev.cwfilter.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.deploy.Node;
import dev.cwfilter.io.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shortens a log event for a one-line failure message while keeping what the pattern reads visible.
 *
 * <p>A JSON event keeps every field on the path of a selector the pattern (or metric filter) reads; other fields are
 * shown collapsed ({@code {…}}, long strings cut) while a small budget lasts, in document order so that the start of
 * the event stays recognisable, and as {@code …} after that. Any other event keeps its start, its end and the
 * surroundings of the words the failure is about. Control characters are shown escaped so the event stays on one
 * line.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventShortener {

    /** Events up to this many characters are shown whole. */
    public static final int SHOW_WHOLE = 200;
    private static final int CONTEXT_BUDGET = 100;
    private static final int HARD_LIMIT = 320;
    private static final int SHORT_STRING = 24;
    private static final int LONG_STRING = 80;
    private static final String ELLIPSIS = "…";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EventShortener() {
    }

    /**
     * The event as one line, shortened if it is long.
     *
     * @param message   the event
     * @param selectors the JSON selectors whose values must stay visible
     * @param words     words (terms, values) whose surroundings should stay visible in a non-JSON event
     */
    public static String shorten(String message, List<Selector> selectors, List<String> words) {
        String oneLine = escapeControls(message);
        if (oneLine.length() <= SHOW_WHOLE) {
            return oneLine;
        }
        String shortened = shortenJson(message, selectors);
        if (shortened == null) {
            shortened = shortenText(oneLine, words);
        }
        return shortened + "   (" + message.length() + " characters, shortened)";
    }

    /** The text with tabs, line breaks and other control characters written as escapes. */
    public static String escapeControls(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                switch (c) {
                    case '\n':
                        sb.append("\\n");
                        break;
                    case '\r':
                        sb.append("\\r");
                        break;
                    case '\t':
                        sb.append("\\t");
                        break;
                    default:
                        sb.append(String.format("\\u%04x", (int) c));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String shortenJson(String message, List<Selector> selectors) {
        int brace = message.indexOf('{');
        if (brace < 0) {
            return null;
        }
        // Text before the JSON (a Lambda line's timestamp, request id and level) is kept, itself shortened.
        String prefix = message.substring(0, brace);
        if (!prefix.isBlank() && prefix.length() > 80) {
            prefix = prefix.substring(0, 60) + ELLIPSIS + prefix.substring(prefix.length() - 10);
        }
        Node root;
        String json = message.substring(brace);
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            root = Documents.readValue(p);
            // Text after the object would be lost in a JSON rendering: such an event is shortened as text.
            long end = p.currentLocation().getCharOffset();
            if (end < 0 || end > json.length() || !json.substring((int) end).isBlank()) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<List<SelectorStep>> paths = new ArrayList<>();
        for (Selector s : selectors) {
            paths.add(s.steps());
        }
        StringBuilder sb = new StringBuilder(escapeControls(prefix.isBlank() ? "" : prefix));
        int[] budget = {CONTEXT_BUDGET};
        render(root, paths, true, 0, budget, sb);
        String out = sb.toString();
        return out.length() > HARD_LIMIT ? out.substring(0, HARD_LIMIT - 1) + ELLIPSIS : out;
    }

    /**
     * Renders a node. {@code paths} are the rest of the selectors that reach this node (an empty path: a selector
     * ends here); {@code relevant} says whether any selector reaches it at all.
     */
    private static void render(Node node, List<List<SelectorStep>> paths, boolean relevant, int depth, int[] budget,
                               StringBuilder sb) {
        if (node instanceof Node.Scalar) {
            Node.Scalar s = (Node.Scalar) node;
            sb.append(s.type() == Node.ScalarType.STRING ? JsonString.quote(cut(s.text(), relevant ? LONG_STRING
                    : SHORT_STRING)) : s.text());
            return;
        }
        boolean endsHere = paths.stream().anyMatch(List::isEmpty);
        List<List<SelectorStep>> deeper = new ArrayList<>();
        for (List<SelectorStep> p : paths) {
            if (!p.isEmpty()) {
                deeper.add(p);
            }
        }
        if (node instanceof Node.Mapping) {
            if (deeper.isEmpty() && !endsHere) {
                sb.append(((Node.Mapping) node).members().isEmpty() ? "{}" : "{" + ELLIPSIS + "}");
                return;
            }
            sb.append('{');
            boolean first = true;
            boolean skipping = false;
            for (Node.Member m : ((Node.Mapping) node).members()) {
                List<List<SelectorStep>> rest = new ArrayList<>();
                for (List<SelectorStep> p : deeper) {
                    SelectorStep step = p.get(0);
                    if (step instanceof SelectorStep.AnyProperty
                            || step instanceof SelectorStep.Property
                            && ((SelectorStep.Property) step).name().equals(m.key())) {
                        rest.add(p.subList(1, p.size()));
                    }
                }
                String shown = null;
                if (rest.isEmpty()) {
                    StringBuilder collapsed = new StringBuilder();
                    JsonString.quote(m.key(), collapsed);
                    collapsed.append(':');
                    render(m.value(), List.of(), false, depth + 1, budget, collapsed);
                    // Context is the start of the top-level object, until the budget first runs out; inside an
                    // object a selector reaches, only what the selectors read is shown.
                    if (endsHere && collapsed.length() <= 40) {
                        shown = collapsed.toString();
                    } else if (depth == 0 && budget[0] >= collapsed.length()) {
                        budget[0] -= collapsed.length();
                        shown = collapsed.toString();
                    } else if (depth == 0) {
                        budget[0] = 0;
                    }
                } else {
                    StringBuilder member = new StringBuilder();
                    JsonString.quote(m.key(), member);
                    member.append(':');
                    render(m.value(), rest, true, depth + 1, budget, member);
                    shown = member.toString();
                }
                if (shown == null) {
                    if (!skipping) {
                        sb.append(first ? "" : ",").append(ELLIPSIS);
                        first = false;
                        skipping = true;
                    }
                    continue;
                }
                skipping = false;
                sb.append(first ? "" : ",").append(shown);
                first = false;
            }
            sb.append('}');
            return;
        }
        List<Node> items = ((Node.Sequence) node).items();
        if (deeper.isEmpty() && !endsHere) {
            sb.append(items.isEmpty() ? "[]" : "[" + ELLIPSIS + "]");
            return;
        }
        sb.append('[');
        boolean first = true;
        boolean skipping = false;
        for (int i = 0; i < items.size(); i++) {
            List<List<SelectorStep>> rest = new ArrayList<>();
            for (List<SelectorStep> p : deeper) {
                SelectorStep step = p.get(0);
                if (step instanceof SelectorStep.AnyIndex
                        || step instanceof SelectorStep.Index && ((SelectorStep.Index) step).index() == i) {
                    rest.add(p.subList(1, p.size()));
                }
            }
            if (rest.isEmpty() && !endsHere) {
                if (!skipping) {
                    sb.append(first ? "" : ",").append(ELLIPSIS);
                    first = false;
                    skipping = true;
                }
                continue;
            }
            skipping = false;
            sb.append(first ? "" : ",");
            render(items.get(i), rest, !rest.isEmpty(), depth + 1, budget, sb);
            first = false;
        }
        sb.append(']');
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + ELLIPSIS;
    }

    private static String shortenText(String text, List<String> words) {
        // Keep the start, the end, and a window around the first occurrence of each word the failure is about.
        boolean[] keep = new boolean[text.length()];
        mark(keep, 0, 120);
        mark(keep, text.length() - 40, text.length());
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            int at = text.indexOf(escapeControls(word));
            if (at >= 0) {
                mark(keep, at - 30, at + word.length() + 30);
            }
        }
        StringBuilder sb = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            if (keep[i]) {
                sb.append(text.charAt(i));
                gap = false;
            } else if (!gap) {
                sb.append(ELLIPSIS);
                gap = true;
            }
        }
        return sb.toString();
    }

    private static void mark(boolean[] keep, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(keep.length, to); i++) {
            keep[i] = true;
        }
    }
}
