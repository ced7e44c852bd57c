package dev.cwfilter.testkit.internal;

import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.Datapoint;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MatchExplanation;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Metric filters and their datapoints in words, for failure messages. Stateless and thread-safe. */
public final class FilterDescription {

    private FilterDescription() {
    }

    /** {@code { pattern } → Namespace/Name = value (default 0.0, dimensions {...}, unit Count)}. */
    public static String describe(MetricFilter f) {
        StringBuilder sb = new StringBuilder();
        f.filterName().ifPresent(n -> sb.append(n).append(": "));
        sb.append(f.pattern().source().isEmpty() ? "\"\" (matches everything)" : f.pattern().source());
        sb.append(" → ").append(f.metricNamespace().orElse("?")).append('/').append(f.metricName().orElse("?"))
                .append(" = ").append(f.metricValue());
        List<String> extras = new ArrayList<>();
        if (f.defaultValue().isPresent()) {
            extras.add("default " + f.defaultValue().getAsDouble());
        }
        if (!f.dimensions().isEmpty()) {
            extras.add("dimensions " + f.dimensions());
        }
        if (f.unit() != StandardUnit.NONE) {
            extras.add("unit " + f.unit());
        }
        if (!extras.isEmpty()) {
            sb.append(" (").append(String.join(", ", extras)).append(')');
        }
        return sb.toString();
    }

    /** A datapoint: {@code 1.0}, with dimensions and unit when it has them. */
    public static String datapoint(Datapoint d) {
        StringBuilder sb = new StringBuilder(String.valueOf(d.value()));
        if (!d.dimensions().isEmpty()) {
            sb.append(" with dimensions ").append(new java.util.TreeMap<>(d.dimensions()));
        }
        if (d.unit() != StandardUnit.NONE) {
            sb.append(", unit ").append(d.unit());
        }
        return sb.toString();
    }

    /** What the filter published for the event, and why: the value, the default, or nothing and the reason. */
    public static String published(MetricFilter f, LogEvent event, Optional<Datapoint> d, MatchExplanation why) {
        if (d.isPresent()) {
            return datapoint(d.get()) + (why.matched() ? "" : ", the default value: the event does not match");
        }
        if (!why.matched()) {
            if (f.defaultValue().isEmpty()) {
                return "nothing: the event does not match and the filter has no default value";
            }
            return "nothing for the event itself: the default value is published once per minute without a match"
                    + " (defaultValueMode " + DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH + ")";
        }
        return "nothing: the event matches, but " + whyNoDatapoint(f, event);
    }

    private static String whyNoDatapoint(MetricFilter f, LogEvent event) {
        if (isField(f.metricValue())) {
            Optional<String> value = FieldReader.read(f.pattern(), f.metricValue(), event.message());
            if (value.isEmpty()) {
                return "its metric value " + f.metricValue() + " is missing (or null, an object, an array)";
            }
            if (!isNumber(value.get())) {
                return "its metric value " + f.metricValue() + " is \"" + value.get() + "\", not a number";
            }
        }
        for (Map.Entry<String, String> dim : f.dimensions().entrySet()) {
            if (FieldReader.read(f.pattern(), dim.getValue(), event.message()).isEmpty()) {
                return "the value of dimension " + dim.getKey() + " (" + dim.getValue() + ") is missing";
            }
        }
        return "its metric value is not a finite number";
    }

    private static boolean isField(String expression) {
        return expression.startsWith("$");
    }

    private static boolean isNumber(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
