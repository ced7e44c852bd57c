package dev.cwfilter.internal.eval;

import java.util.Map;

/** The empty pattern: every event matches. Immutable and thread-safe. */
public final class MatchAllMatcher implements EventMatcher {

    @Override
    public boolean matches(String message) {
        return true;
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        return true;
    }

    @Override
    public Map<String, String> extract(String message) {
        return Map.of();
    }

    @Override
    public Explanation explain(String message) {
        return new Explanation(true, "the empty pattern matches every event", java.util.List.of());
    }
}
