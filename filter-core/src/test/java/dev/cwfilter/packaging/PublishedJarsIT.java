package dev.cwfilter.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * filter-core is published like a library: the jar carries the license notice of the ANTLR runtime it bundles, and
 * sources and javadoc jars are built beside it. Runs after {@code package}, against the real jars.
 */
class PublishedJarsIT {

    private static final Path JAR = Path.of(System.getProperty("cwfilter.shadedJar"));

    @Test
    void jarCarriesTheBundledAntlrRuntimesBsdLicenseAndANotice() throws IOException {
        String license = Jars.text(JAR, "META-INF/LICENSE-antlr4-runtime.txt");
        assertThat(license).contains("Copyright (c) 2012-2022 The ANTLR Project")
                .contains("Redistributions in binary form must reproduce the above copyright")
                .contains("dev.cwfilter.internal.shaded.antlr");
        assertThat(Jars.text(JAR, "META-INF/NOTICE")).contains("Apache License, Version 2.0")
                .contains("antlr4-runtime").contains("META-INF/LICENSE-antlr4-runtime.txt");
    }

    @Test
    void sourcesAndJavadocJarsAreBuiltBesideTheJarWithTheApiOnly() throws IOException {
        String base = JAR.getFileName().toString().replaceFirst("\\.jar$", "");
        Path sources = JAR.resolveSibling(base + "-sources.jar");
        Path javadoc = JAR.resolveSibling(base + "-javadoc.jar");
        assertThat(Jars.names(sources)).contains("dev/cwfilter/FilterPattern.java",
                "dev/cwfilter/metric/MetricAlarm.java");
        // Laid out by package, or under the module's name (dev.cwfilter.core/dev/cwfilter/...) when javadoc
        // documents a module.
        List<String> names = Jars.names(javadoc);
        assertThat(names).contains("index.html");
        assertThat(names).anyMatch(n -> n.endsWith("dev/cwfilter/FilterPattern.html"))
                .anyMatch(n -> n.endsWith("dev/cwfilter/metric/MetricAlarm.html"))
                .noneMatch(n -> n.contains("dev/cwfilter/internal/"));
    }
}
