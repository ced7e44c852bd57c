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
}
