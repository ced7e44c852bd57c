package dev.cwfilter.testkit.deploy;

import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.testkit.FileFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What the template and plan readers share. Stateless and thread-safe. */
final class Resources {

    private Resources() {
    }

    /** Builds the filter; CloudWatch's rejection becomes an error naming the resource and its line. */
    static MetricFilter build(String file, int line, String resource, Supplier<MetricFilter> builder) {
        try {
            return builder.get();
        } catch (FilterPatternException e) {
            throw new FileFormatException(file, line, "resource " + resource + ": the filter pattern is invalid: "
                    + e.issues().get(0).describe() + "\n" + e.excerpt(), e);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(file, line, "resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The resource with this name, or an error listing the names there are. */
    static MetricFilterResource find(List<MetricFilterResource> resources, String name, String file,
                                     String alsoMatches) {
        List<MetricFilterResource> found = new ArrayList<>();
        for (MetricFilterResource r : resources) {
            if (r.name().equals(name) || r.filter().filterName().map(name::equals).orElse(false)
                    || alsoMatches != null && r.name().endsWith("." + name)) {
                found.add(r);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> names = new ArrayList<>();
        resources.forEach(r -> names.add(r.name()));
        throw new IllegalArgumentException(file + (found.isEmpty() ? " has no metric filter named " : " has "
                + found.size() + " metric filters named ") + name + "; its metric filters are " + names);
    }
}
