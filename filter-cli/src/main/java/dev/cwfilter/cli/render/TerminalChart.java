package dev.cwfilter.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart for the terminal, one column per period: bars of block characters from 0 up to the value, a mark on the
 * baseline for periods without data, and labels under the x axis. Small whole-number values get one row per unit
 * (crisp bars); anything else gets {@value #ROWS} rows of eighths. Negative values are drawn as 0. Stateless.
 *
 * <p>Stateless and thread-safe.
 */
public final class TerminalChart {

    private static final int ROWS = 4;
    private static final int MAX_UNIT_ROWS = 8;

    private TerminalChart() {
    }

    /**
     * The chart's lines.
     *
     * @param values  one value per column; NaN for a period without data
     * @param labels  a label per column, or null where there is none; a label is drawn only where it fits
     * @param glyphs  the characters to draw with
     */
    public static List<String> render(double[] values, String[] labels, Glyphs glyphs) {
        double max = 0;
        boolean whole = true;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
                whole &= v == Math.rint(v);
            }
        }
        boolean unitRows = whole && max >= 1 && max <= MAX_UNIT_ROWS;
        int rows = unitRows ? (int) max : ROWS;
        double top = max > 0 ? max : 1;
        String[] yLabels = new String[rows];
        for (int r = 0; r < rows; r++) {
            yLabels[r] = unitRows ? Values.format(r + 1.0) : r == rows - 1 ? Values.format(top) : "";
        }
        int labelWidth = 1;
        for (String l : yLabels) {
            labelWidth = Math.max(labelWidth, l.length());
        }
        List<String> lines = new ArrayList<>();
        for (int r = rows - 1; r >= 0; r--) {
            StringBuilder sb = new StringBuilder();
            sb.append(pad(yLabels[r], labelWidth)).append(' ').append(glyphs.vertical());
            for (double v : values) {
                if (Double.isNaN(v) || v <= 0) {
                    sb.append(r == 0 && Double.isNaN(v) ? glyphs.missing() : " ");
                } else {
                    int eighths = (int) Math.round(v / top * rows * 8) - r * 8;
                    sb.append(glyphs.eighths(eighths));
                }
            }
            lines.add(sb.toString().stripTrailing());
        }
        StringBuilder axis = new StringBuilder();
        StringBuilder under = new StringBuilder();
        axis.append(pad("0", labelWidth)).append(' ').append(glyphs.corner());
        under.append(" ".repeat(labelWidth + 2));
        int freeFrom = 0;
        for (int i = 0; i < values.length; i++) {
            boolean label = labels != null && labels[i] != null && i >= freeFrom;
            axis.append(label ? glyphs.tick() : glyphs.horizontal());
            if (label) {
                under.append(" ".repeat(Math.max(0, labelWidth + 2 + i - under.length()))).append(labels[i]);
                freeFrom = i + labels[i].length() + 1;
            }
        }
        lines.add(axis.toString());
        lines.add(under.toString().stripTrailing());
        return lines;
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%" + width + "s", s);
    }
}
