package dev.cwfilter.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        return find(definitions, name, file, suffixes, MetricFilterDefinition::name,
                r -> r.filter().filterName().orElse(null), "metric filter");
    }

    /** The alarm with this name (or alarm name, or, with {@code suffixes}, whose name ends in {@code .name}). */
    static AlarmDefinition findAlarm(List<AlarmDefinition> definitions, String name, String file, boolean suffixes) {
        return find(definitions, name, file, suffixes, AlarmDefinition::name, r -> r.alarm().alarmName(), "alarm");
    }

    /**
     * The one definition whose name, or name in AWS, is {@code name} (or, with {@code suffixes}, whose name ends in
     * {@code .name}); an error naming the {@code kind} and listing the names there are if there is none or more.
     */
    private static <T> T find(List<T> definitions, String name, String file, boolean suffixes,
                              Function<T, String> nameOf, Function<T, String> awsNameOf, String kind) {
        List<T> found = new ArrayList<>();
        for (T r : definitions) {
            if (nameOf.apply(r).equals(name) || name.equals(awsNameOf.apply(r))
                    || suffixes && nameOf.apply(r).endsWith("." + name)) {
                found.add(r);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> names = new ArrayList<>();
        definitions.forEach(r -> names.add(nameOf.apply(r)));
        throw new IllegalArgumentException(file + (found.isEmpty() ? " has no " + kind + " named " : " has "
                + found.size() + " " + kind + "s named ") + name + "; its " + kind + "s are " + names);
    }
}
