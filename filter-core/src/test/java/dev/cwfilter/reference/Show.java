package dev.cwfilter.reference;

/** Renders test inputs for failure messages with every invisible character spelled out. */
final class Show {

    private Show() {
    }

    /** The text in double quotes, with control, non-ASCII and quote characters escaped Java-style. */
    static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Like {@link #quoted}, but a long text shows only its start and end, and how long it is. */
    static String abbreviated(String text) {
        if (text.length() <= 400) {
            return quoted(text);
        }
        return quoted(text.substring(0, 150)) + " ... (" + text.length() + " chars) ... "
                + quoted(text.substring(text.length() - 150));
    }
}
