package dev.cwfilter.cli.render;

import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A metric drawn as the CloudWatch console draws it, as a standalone SVG: the title and, under it, the metric filter's
 * pattern; the statistic of each period as a line with a point per datapoint at the period's start (broken where
 * periods have no data), drawn over the alarm threshold (a dashed red horizontal line) so that a datapoint at the
 * threshold stays visible; the alarm's states as the background (ALARM shaded red, INSUFFICIENT_DATA shaded grey, OK
 * left white), each from the evaluation that entered it, so ALARM starts a period after the breaching datapoint, as a
 * note under the legend says; a grid, and time labels in UTC.
 *
 * <p>Stateless and thread-safe.
 */
public final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 110;
    /** The longest subtitle (pattern) shown whole; a longer one is cut with an ellipsis. */
    private static final int SUBTITLE_MAX = 130;
    /** CloudWatch's own palette, first colours first. */
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    private static final String THRESHOLD_COLOR = "#d13212";
    private static final String INSUFFICIENT_DATA_COLOR = "#879596";
    /** The note under the legend that explains where ALARM shading starts. */
    public static final String SHADING_NOTE = "Each state is shaded from the evaluation that entered it: ALARM starts one"
            + " period after the breaching datapoint, when the alarm evaluates that period.";
    private static final long[] TIME_STEPS_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880,
        10080};

    private SvgChart() {
    }

    /**
     * One line of the chart.
     *
     * @param name   the legend text
     * @param times  each datapoint's period start, epoch milliseconds, ascending
     * @param values each datapoint's value
     */
    public record Series(String name, long[] times, double[] values) {
        /** Checks that times and values pair up. */
        public Series {
            Objects.requireNonNull(name, "name");
            if (times.length != values.length) {
                throw new IllegalArgumentException("as many times as values");
            }
        }
    }

    /**
     * A time range the alarm spent in a state other than OK (OK is the white background).
     *
     * @param from  epoch milliseconds, inclusive
     * @param to    epoch milliseconds, exclusive
     * @param state {@link AlarmState#ALARM} or {@link AlarmState#INSUFFICIENT_DATA}
     */
    public record Interval(long from, long to, AlarmState state) {
        /** Checks the state. */
        public Interval {
            if (state == AlarmState.OK) {
                throw new IllegalArgumentException("OK is the background: no interval for it");
            }
        }

        /** A time range in ALARM. */
        public Interval(long from, long to) {
            this(from, to, AlarmState.ALARM);
        }
    }

    /**
     * The times an alarm spent in ALARM and in INSUFFICIENT_DATA, from its state changes in order: INSUFFICIENT_DATA
     * until the first change (an alarm starts there), each state from its change to the next, the last one to the end
     * of the chart. No change at all is INSUFFICIENT_DATA throughout.
     */
    public static List<Interval> stateIntervals(List<AlarmStateChange> changes) {
        List<Interval> out = new ArrayList<>();
        long start = Long.MIN_VALUE;
        AlarmState state = AlarmState.INSUFFICIENT_DATA;
        for (AlarmStateChange change : changes) {
            if (state != AlarmState.OK && change.timestamp() > start) {
                out.add(new Interval(start, change.timestamp(), state));
            }
            start = change.timestamp();
            state = change.newState();
        }
        if (state != AlarmState.OK) {
            out.add(new Interval(start, Long.MAX_VALUE, state));
        }
        return out;
    }

    /**
     * The SVG document.
     *
     * @param title          the title above the chart
     * @param series         the lines, at least one
     * @param periodMillis   the period: two datapoints further apart than this are not joined
     * @param threshold      the alarm threshold, or NaN for none
     * @param thresholdLabel the threshold's legend text
     * @param alarms         the intervals to shade
     * @param from           the start of the time axis, epoch milliseconds
     * @param to             the end of the time axis
     */
    public static String render(String title, List<Series> series, long periodMillis, double threshold,
                                String thresholdLabel, List<Interval> alarms, long from, long to) {
        return render(title, null, series, periodMillis, threshold, thresholdLabel, alarms, from, to);
    }

    /**
     * The SVG document, with a subtitle under the title (the metric filter's pattern).
     *
     * @param title          the title above the chart
     * @param subtitle       the line under the title, such as {@code Metric filter: { $.eventName = ... }}, or null
     * @param series         the lines, at least one
     * @param periodMillis   the period: two datapoints further apart than this are not joined
     * @param threshold      the alarm threshold, or NaN for none
     * @param thresholdLabel the threshold's legend text
     * @param states         the intervals to shade, ALARM and INSUFFICIENT_DATA ({@link #stateIntervals(List)});
     *                       with none and no threshold there is no alarm, and no state legend
     * @param from           the start of the time axis, epoch milliseconds
     * @param to             the end of the time axis
     */
    public static String render(String title, String subtitle, List<Series> series, long periodMillis,
                                double threshold, String thresholdLabel, List<Interval> states, long from, long to) {
        double min = 0;
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!Double.isNaN(threshold)) {
            min = Math.min(min, threshold);
            max = Math.max(max, threshold);
        }
        if (max == min) {
            max = min + 1;
        }
        double step = niceStep((max - min) / 5);
        double yMin = Math.floor(min / step) * step;
        double yMax = Math.ceil(max * 1.05 / step) * step;
        if (to <= from) {
            to = from + periodMillis;
        }
        Scale scale = new Scale(from, to, yMin, yMax);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Amazon Ember, Helvetica Neue, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("  <text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#16191f\">")
                .append(escape(title)).append("</text>\n");
        if (subtitle != null && !subtitle.isEmpty()) {
            String shown = subtitle.length() > SUBTITLE_MAX ? subtitle.substring(0, SUBTITLE_MAX - 1) + "\u2026"
                    : subtitle;
            svg.append("  <text class=\"subtitle\" x=\"").append(LEFT).append("\" y=\"44\" fill=\"#5f6b7a\">")
                    .append(escape(shown)).append("</text>\n");
        }

        for (Interval a : states) {
            double x1 = scale.x(Math.max(a.from(), from));
            double x2 = scale.x(Math.min(a.to(), to));
            if (x2 > x1) {
                boolean alarm = a.state() == AlarmState.ALARM;
                svg.append("  <rect class=\"").append(alarm ? "alarm" : "insufficient-data").append("\" x=\"")
                        .append(f(x1)).append("\" y=\"").append(TOP).append("\" width=\"").append(f(x2 - x1))
                        .append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\" fill=\"")
                        .append(alarm ? THRESHOLD_COLOR : INSUFFICIENT_DATA_COLOR).append("\" fill-opacity=\"")
                        .append(alarm ? "0.12" : "0.15").append("\"/>\n");
            }
        }

        for (double y = yMin; y <= yMax + step / 2; y += step) {
            double py = scale.y(y);
            svg.append("  <line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(f(py)).append("\" y2=\"").append(f(py)).append("\" stroke=\"#e9ebed\"/>\n");
            svg.append("  <text x=\"").append(LEFT - 8).append("\" y=\"").append(f(py + 4))
                    .append("\" text-anchor=\"end\" fill=\"#5f6b7a\">").append(Values.format(round(y, step)))
                    .append("</text>\n");
        }

        long stepMillis = timeStep(to - from);
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern(stepMillis >= 86_400_000 ? "MM-dd" : "HH:mm",
                Locale.ROOT).withZone(ZoneOffset.UTC);
        for (long t = Math.floorDiv(from + stepMillis - 1, stepMillis) * stepMillis; t <= to; t += stepMillis) {
            double px = scale.x(t);
            svg.append("  <line x1=\"").append(f(px)).append("\" x2=\"").append(f(px)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#f2f3f3\"/>\n");
            svg.append("  <text x=\"").append(f(px)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#5f6b7a\">").append(fmt.format(Instant.ofEpochMilli(t)))
                    .append("</text>\n");
        }
        svg.append("  <line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#879596\"/>\n");
        String day = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(from));
        svg.append("  <text x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(HEIGHT - BOTTOM + 38)
                .append("\" text-anchor=\"middle\" fill=\"#5f6b7a\">Time (UTC) from ").append(day).append("</text>\n");

        // The threshold first, dashed, so that the lines and points drawn over it stay visible at its value.
        if (!Double.isNaN(threshold)) {
            double py = scale.y(threshold);
            svg.append("  <line class=\"threshold\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(f(py)).append("\" y2=\"").append(f(py)).append("\" stroke=\"")
                    .append(THRESHOLD_COLOR).append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
        }
        for (int i = 0; i < series.size(); i++) {
            drawSeries(svg, series.get(i), COLORS[i % COLORS.length], periodMillis, scale);
        }

        int lx = LEFT;
        int ly = HEIGHT - 48;
        for (int i = 0; i < series.size(); i++) {
            lx = legend(svg, lx, ly, COLORS[i % COLORS.length], series.get(i).name(), null);
        }
        if (!Double.isNaN(threshold)) {
            legend(svg, lx, ly, THRESHOLD_COLOR, thresholdLabel, null);
        }
        if (!states.isEmpty() || !Double.isNaN(threshold)) {
            int sx = LEFT;
            int sy = HEIGHT - 28;
            sx = legend(svg, sx, sy, THRESHOLD_COLOR, "ALARM", "0.12");
            sx = legend(svg, sx, sy, INSUFFICIENT_DATA_COLOR, "INSUFFICIENT_DATA", "0.15");
            legend(svg, sx, sy, "#ffffff", "OK (white)", "1");
            svg.append("  <text class=\"note\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 10)
                    .append("\" font-size=\"11\" fill=\"#5f6b7a\">").append(escape(SHADING_NOTE)).append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void drawSeries(StringBuilder svg, Series s, String color, long periodMillis, Scale scale) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < s.times().length; i++) {
            if (previous != Long.MIN_VALUE && s.times()[i] - previous > periodMillis && run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
            run.append(run.length() == 0 ? "" : " ").append(f(scale.x(s.times()[i]))).append(',')
                    .append(f(scale.y(s.values()[i])));
            previous = s.times()[i];
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        for (String points : runs) {
            svg.append("  <polyline class=\"metric\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>\n");
        }
        for (int i = 0; i < s.times().length; i++) {
            svg.append("  <circle cx=\"").append(f(scale.x(s.times()[i]))).append("\" cy=\"")
                    .append(f(scale.y(s.values()[i]))).append("\" r=\"3\" fill=\"").append(color)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n");
        }
    }

    /** A legend entry: a line of the colour, or with {@code boxOpacity} a box filled with it (outlined in grey). */
    private static int legend(StringBuilder svg, int x, int y, String color, String text, String boxOpacity) {
        if (boxOpacity != null) {
            svg.append("  <rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"18\" height=\"10\" "
                    + "fill=\"").append(color).append("\" fill-opacity=\"").append(boxOpacity)
                    .append("\" stroke=\"#879596\" stroke-width=\"0.5\"/>\n");
        } else {
            svg.append("  <line x1=\"").append(x).append("\" x2=\"").append(x + 18).append("\" y1=\"").append(y - 4)
                    .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\"/>\n");
        }
        svg.append("  <text x=\"").append(x + 24).append("\" y=\"").append(y).append("\" fill=\"#16191f\">")
                .append(escape(text)).append("</text>\n");
        return x + 24 + 7 * text.length() + 24;
    }

    /** Maps times and values to the plot area. */
    private record Scale(long from, long to, double yMin, double yMax) {
        double x(long t) {
            return LEFT + (double) (t - from) / (to - from) * (WIDTH - LEFT - RIGHT);
        }

        double y(double v) {
            return HEIGHT - BOTTOM - (v - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    private static double round(double y, double step) {
        double digits = Math.pow(10, Math.max(0, -Math.floor(Math.log10(step)) + 1));
        return Math.round(y * digits) / digits;
    }

    private static long timeStep(long span) {
        for (long minutes : TIME_STEPS_MINUTES) {
            if (span / (minutes * 60_000) <= 12) {
                return minutes * 60_000;
            }
        }
        return TIME_STEPS_MINUTES[TIME_STEPS_MINUTES.length - 1] * 60_000;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
