package dev.cwfilter.definitions;

import java.util.ArrayList;
import java.util.List;

/** Finding one definition by name, for the template and plan readers. Stateless and thread-safe. */
final class Lookup {

    private Lookup() {
    }

    /**
     * The definition with this name (or filter name, or, with {@code suffixes}, whose name ends in {@code .name}), or
     * an error listing the names there are.
     */
    static MetricFilterDefinition find(List<MetricFilterDefinition> definitions, String name, String file,
                                       boolean suffixes) {
        List<MetricFilterDefinition> found = new ArrayList<>();
        for (MetricFilterDefinition r : definitions) {
            if (r.name().equals(name) || r.filter().filterName().map(name::equals).orElse(false)
                    || suffixes && r.name().endsWith("." + name)) {
                found.add(r);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> names = new ArrayList<>();
        definitions.forEach(r -> names.add(r.name()));
        throw new IllegalArgumentException(file + (found.isEmpty() ? " has no metric filter named " : " has "
                + found.size() + " metric filters named ") + name + "; its metric filters are " + names);
    }

    /** The alarm with this name (or alarm name, or, with {@code suffixes}, whose name ends in {@code .name}). */
    static AlarmDefinition findAlarm(List<AlarmDefinition> definitions, String name, String file, boolean suffixes) {
        List<AlarmDefinition> found = new ArrayList<>();
        for (AlarmDefinition r : definitions) {
            if (r.name().equals(name) || r.alarm().alarmName().equals(name)
                    || suffixes && r.name().endsWith("." + name)) {
                found.add(r);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> names = new ArrayList<>();
        definitions.forEach(r -> names.add(r.name()));
        throw new IllegalArgumentException(file + (found.isEmpty() ? " has no alarm named " : " has "
                + found.size() + " alarms named ") + name + "; its alarms are " + names);
    }
}
