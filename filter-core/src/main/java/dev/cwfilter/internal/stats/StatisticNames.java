package dev.cwfilter.internal.stats;

import dev.cwfilter.metric.Statistic;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing, printing and checking of statistic names; the rules live here so that the records stay small. */
public final class StatisticNames {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_BOUND_DECIMALS = 10;
    private static final int MAX_PERCENTILE_DECIMALS = 2;
    private static final String EXPECTED = "expected SampleCount, Sum, Average, Minimum, Maximum, pNN (p99, p99.9), "
            + "tmNN, wmNN, tcNN, tsNN, TM(a:b), WM(a:b), TC(a:b), TS(a:b), PR(a:b) or IQM";

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");
    private static final Pattern SHORT_FORM = Pattern.compile("(tm|wm|tc|ts)(\\d+(?:\\.\\d+)?)");
    private static final Pattern RANGED_FORM = Pattern.compile("(TM|WM|TC|TS|PR)\\((.*)\\)");
    private static final Pattern BOUND = Pattern.compile("(\\d+(?:\\.\\d+)?)(%?)");

    public static final Statistic.Bounds INTERQUARTILE =
            Statistic.Bounds.percentages(BigDecimal.valueOf(25), BigDecimal.valueOf(75));

    private StatisticNames() {
    }

    public static Statistic parse(String name) {
        Objects.requireNonNull(name, "name");
        for (Statistic.Basic basic : Statistic.Basic.values()) {
            if (basic.awsName().equals(name)) {
                return basic;
            }
        }
        if (name.equals("IQM")) {
            return Statistic.IQM;
        }
        Matcher m = PERCENTILE.matcher(name);
        if (m.matches()) {
            BigDecimal percent = new BigDecimal(m.group(1));
            if (percent.scale() > MAX_PERCENTILE_DECIMALS) {
                throw invalid(name, "a percentile has at most " + MAX_PERCENTILE_DECIMALS + " decimals");
            }
            if (percent.compareTo(HUNDRED) > 0) {
                throw invalid(name, "a percentile is between 0 and 100");
            }
            return new Statistic.Percentile(percent);
        }
        m = SHORT_FORM.matcher(name);
        if (m.matches()) {
            BigDecimal upper = new BigDecimal(m.group(2));
            return ranged(name, m.group(1).toUpperCase(Locale.ROOT),
                    () -> Statistic.Bounds.percentages(null, upper));
        }
        m = RANGED_FORM.matcher(name);
        if (m.matches()) {
            String kind = m.group(1);
            String inside = m.group(2);
            int colon = inside.indexOf(':');
            if (colon < 0 || inside.indexOf(':', colon + 1) >= 0) {
                throw invalid(name, "the bounds are written as lower:upper, such as " + kind + "(10%:90%) or "
                        + kind + "(:300)");
            }
            Bound lower = bound(name, inside.substring(0, colon));
            Bound upper = bound(name, inside.substring(colon + 1));
            if (lower == null && upper == null) {
                throw invalid(name, "at least one bound is needed");
            }
            if (lower != null && upper != null && lower.percentage != upper.percentage) {
                throw invalid(name, "both bounds must be percentages or both absolute values");
            }
            boolean percentage = (lower != null ? lower : upper).percentage;
            if (kind.equals("PR") && percentage) {
                throw invalid(name, "PR takes absolute bounds, such as PR(:300), not percentages");
            }
            BigDecimal lo = lower == null ? null : lower.value;
            BigDecimal hi = upper == null ? null : upper.value;
            return ranged(name, kind, () -> percentage ? Statistic.Bounds.percentages(lo, hi)
                    : Statistic.Bounds.absolute(lo, hi));
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid statistic '': the name is empty; " + EXPECTED);
        }
        throw invalid(name, EXPECTED);
    }

    private static Statistic ranged(String name, String kind, Supplier<Statistic.Bounds> bounds) {
        Statistic.Bounds b;
        try {
            b = bounds.get();
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
        return switch (kind) {
            case "TM" -> new Statistic.TrimmedMean(b);
            case "WM" -> new Statistic.WinsorizedMean(b);
            case "TC" -> new Statistic.TrimmedCount(b);
            case "TS" -> new Statistic.TrimmedSum(b);
            case "PR" -> new Statistic.PercentileRank(b);
            default -> throw new IllegalStateException("no statistic kind " + kind);
        };
    }

    private record Bound(BigDecimal value, boolean percentage) {
    }

    private static Bound bound(String name, String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = BOUND.matcher(text);
        if (!m.matches()) {
            throw invalid(name, "'" + text + "' is not a bound: a bound is a non-negative number such as 150 or "
                    + "10.5, or a percentage such as 10%");
        }
        return new Bound(new BigDecimal(m.group(1)), !m.group(2).isEmpty());
    }

    private static IllegalArgumentException invalid(String name, String why) {
        return new IllegalArgumentException("invalid statistic '" + name + "': " + why);
    }

    public static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static void checkPercentage(BigDecimal percent, int maxDecimals, String what) {
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(what + ": a percentage is between 0 and 100");
        }
        if (percent.scale() > maxDecimals) {
            throw new IllegalArgumentException(what + ": at most " + maxDecimals + " decimals");
        }
    }

    public static void checkBounds(Optional<BigDecimal> lower, Optional<BigDecimal> upper, Statistic.BoundType type) {
        if (lower.isEmpty() && upper.isEmpty()) {
            throw new IllegalArgumentException("at least one bound is needed");
        }
        for (BigDecimal b : new BigDecimal[] {lower.orElse(null), upper.orElse(null)}) {
            if (b == null) {
                continue;
            }
            if (b.scale() > MAX_BOUND_DECIMALS) {
                throw new IllegalArgumentException("the bound " + b.toPlainString() + " has more than "
                        + MAX_BOUND_DECIMALS + " decimals");
            }
            if (type == Statistic.BoundType.PERCENTAGE && (b.signum() < 0 || b.compareTo(HUNDRED) > 0)) {
                throw new IllegalArgumentException("the bound " + b.toPlainString() + "% is not between 0% and 100%");
            }
        }
        if (lower.isPresent() && upper.isPresent() && lower.get().compareTo(upper.get()) >= 0) {
            String suffix = type == Statistic.BoundType.PERCENTAGE ? "%" : "";
            throw new IllegalArgumentException("the lower bound " + lower.get().toPlainString() + suffix
                    + " must be below the upper bound " + upper.get().toPlainString() + suffix);
        }
    }

    public static String print(String shortPrefix, String rangedPrefix, Statistic.Bounds bounds) {
        if (bounds.type() == Statistic.BoundType.PERCENTAGE && bounds.lower().isEmpty()) {
            return shortPrefix + bounds.upper().orElseThrow().toPlainString();
        }
        return rangedPrefix + "(" + bounds.print() + ")";
    }
}
