package dev.cwfilter.io;

/**
 * JSON string literals as RFC 8259 writes them and as the AWS CLI prints them: the text in double quotes, with
 * {@code "} and {@code \} escaped, {@code \b \f \n \r \t} for those controls, {@code \}{@code u00xx} (lower-case hex)
 * for the other characters below U+0020, and everything else, non-ASCII included, as it is. Stateless and
 * thread-safe.
 */
public final class JsonString {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonString() {
    }

    /** The text as a JSON string literal, quotes included. */
    public static String quote(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() + 2);
        quote(text, sb);
        return sb.toString();
    }

    /** Appends the text as a JSON string literal, quotes included. */
    public static void quote(CharSequence text, StringBuilder sb) {
        sb.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
