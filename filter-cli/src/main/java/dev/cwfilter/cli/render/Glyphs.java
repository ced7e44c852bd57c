package dev.cwfilter.cli.render;

/**
 * The characters of tables, arrows and terminal charts: Unicode box-drawing and block characters for terminals that
 * show UTF-8, plain ASCII otherwise. Immutable.
 *
 * <p>Immutable and thread-safe.
 */
public final class Glyphs {

    /** Unicode: {@code ▁▂▃▄▅▆▇█}, {@code │ └ ─ ┬}, {@code →}. */
    public static final Glyphs UNICODE = new Glyphs(new String[] {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"},
            "│", "└", "─", "┬", "·", "→", "–", "≥", "≤");
    /** ASCII: {@code .:#}, {@code | + -}, {@code ->}. */
    public static final Glyphs ASCII = new Glyphs(new String[] {" ", ".", ".", ".", ":", ":", ":", ":", "#"},
            "|", "+", "-", "+", ".", "->", "-", ">=", "<=");

    private final String[] eighths;
    private final String vertical;
    private final String corner;
    private final String horizontal;
    private final String tick;
    private final String missing;
    private final String arrow;
    private final String dash;
    private final String greaterOrEqual;
    private final String lessOrEqual;

    private Glyphs(String[] eighths, String vertical, String corner, String horizontal, String tick, String missing,
                   String arrow, String dash, String greaterOrEqual, String lessOrEqual) {
        this.eighths = eighths;
        this.vertical = vertical;
        this.corner = corner;
        this.horizontal = horizontal;
        this.tick = tick;
        this.missing = missing;
        this.arrow = arrow;
        this.dash = dash;
        this.greaterOrEqual = greaterOrEqual;
        this.lessOrEqual = lessOrEqual;
    }

    /** A cell filled {@code n} eighths from the bottom, 0 to 8. */
    public String eighths(int n) {
        return eighths[Math.max(0, Math.min(8, n))];
    }

    /** The y axis. */
    public String vertical() {
        return vertical;
    }

    /** Where the axes meet. */
    public String corner() {
        return corner;
    }

    /** The x axis. */
    public String horizontal() {
        return horizontal;
    }

    /** A labelled tick on the x axis. */
    public String tick() {
        return tick;
    }

    /** A period without data. */
    public String missing() {
        return missing;
    }

    /** A state change, {@code OK → ALARM}. */
    public String arrow() {
        return arrow;
    }

    /** A time range, {@code 12:00–12:05}. */
    public String dash() {
        return dash;
    }

    /** Replaces the operators {@code >=} and {@code <=} with their single-character forms where there are any. */
    public String operators(String text) {
        return text.replace(">=", greaterOrEqual).replace("<=", lessOrEqual);
    }
}
