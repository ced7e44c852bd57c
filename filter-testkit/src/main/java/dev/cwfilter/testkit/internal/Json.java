package dev.cwfilter.testkit.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** JSON string quoting. Stateless and thread-safe. */
public final class Json {

    private Json() {
    }

    /** The string as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    /** Appends the string as a JSON string literal. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }
}
