package dev.cwfilter.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published filter-core jar is the named module {@code dev.cwfilter.core}: on the module path it exports the API
 * packages and nothing under {@code dev.cwfilter.internal}, and it runs with only jackson-core and sketches-java
 * beside it (the relocated ANTLR runtime and parser are packages of the module). On the classpath the same program
 * compiles and prints the same. Runs after {@code package}, against the real jar, with a javac and a JVM of its own.
 */
class ModuleBoundaryIT {

    private static final Path JAR = Path.of(System.getProperty("cwfilter.shadedJar"));
    private static final Path JACKSON = Path.of(System.getProperty("cwfilter.jacksonJar"));
    private static final Path SKETCHES = Path.of(System.getProperty("cwfilter.sketchesJar"));
    private static final String LIBRARIES = String.join(File.pathSeparator, JAR.toString(), JACKSON.toString(),
            SKETCHES.toString());

    private static final Set<String> API = Set.of("dev.cwfilter", "dev.cwfilter.ast", "dev.cwfilter.io",
            "dev.cwfilter.live", "dev.cwfilter.metric");

    /** Uses the pattern API (the relocated parser included) and the metric API (sketches-java included). */
    private static final String PROGRAM = """
            package app;

            import dev.cwfilter.Datapoint;
            import dev.cwfilter.FilterPattern;
            import dev.cwfilter.FilterPatternException;
            import dev.cwfilter.StandardUnit;
            import dev.cwfilter.metric.MetricAggregator;
            import dev.cwfilter.metric.Statistic;
            import dev.cwfilter.metric.StatisticsQuery;

            public class Main {
                public static void main(String[] args) {
                    System.out.println("module " + Main.class.getModule().getName() + " "
                            + FilterPattern.class.getModule().getName());
                    FilterPattern p = FilterPattern.compile("{$.eventName=\\"GetSecretValue\\"}");
                    System.out.println("match " + p.matches("{\\"eventName\\":\\"GetSecretValue\\"}"));
                    System.out.println("no match " + p.matches("{\\"eventName\\":\\"ListSecrets\\"}"));
                    try {
                        FilterPattern.compile("{ $.a = }");
                    } catch (FilterPatternException e) {
                        System.out.println("error " + e.reason());
                    }
                    // More values than the exact limit: the period's percentiles come from a DDSketch.
                    MetricAggregator aggregator = MetricAggregator.create();
                    for (int i = 1; i <= 2000; i++) {
                        aggregator.add(new Datapoint(60_000, i, StandardUnit.NONE, java.util.Map.of()));
                    }
                    Statistic p50 = Statistic.parse("p50");
                    double median = aggregator.getMetricStatistics(StatisticsQuery.of(0, 120_000, 60, p50)).get(0)
                            .values().get(p50);
                    System.out.println("p50 within 1% " + (Math.abs(median / 1000.5 - 1) <= 0.01));
                }
            }
            """;

    @Test
    void descriptorExportsTheApiPackagesOnlyAndRequiresNothingItDoesNotShip() {
        ModuleReference core = ModuleFinder.of(JAR).find("dev.cwfilter.core").orElseThrow();
        ModuleDescriptor descriptor = core.descriptor();

        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified(), "no qualified export");
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source))
                .containsExactlyInAnyOrderElementsOf(API);
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.packages()).contains("dev.cwfilter.internal.parse", "dev.cwfilter.internal.stats",
                "dev.cwfilter.internal.transform",
                "dev.cwfilter.internal.shaded.antlr", "dev.cwfilter.internal.shaded.grammar");
        // What the module needs at run time: the JDK's base module, jackson-core and sketches-java. The grammar and
        // the ANTLR runtime are compile-time only (static): the jar carries them relocated.
        Set<String> runtime = descriptor.requires().stream()
                .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(runtime).containsExactlyInAnyOrder("java.base", "com.fasterxml.jackson.core", "sketches.java");
    }

    @Test
    void modulePathConsumerRunsWithTheRelocatedParserInsideTheModule(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        List<Diagnostic<? extends JavaFileObject>> errors = compile(dir, classes, """
                module app {
                    requires dev.cwfilter.core;
                }
                """, PROGRAM, true);
        assertThat(errors).isEmpty();

        String output = Jars.runJava("--module-path", classes + File.pathSeparator + LIBRARIES, "--module", "app/app.Main");
        assertThat(output.lines()).containsExactly(
                "module app dev.cwfilter.core",
                "match true",
                "no match false",
                "error expected a value after '=', found '}'",
                "p50 within 1% true");
    }

    @Test
    void classpathConsumerRunsTheSameProgram(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        assertThat(compile(dir, classes, null, PROGRAM, false)).isEmpty();

        String output = Jars.runJava("-cp", classes + File.pathSeparator + LIBRARIES, "app.Main");
        assertThat(output.lines()).containsExactly(
                "module null null",
                "match true",
                "no match false",
                "error expected a value after '=', found '}'",
                "p50 within 1% true");
    }

    @Test
    void modulePathHidesEveryInternalPackage(@TempDir Path dir) throws Exception {
        for (String internal : List.of("dev.cwfilter.internal.parse.PatternParser",
                "dev.cwfilter.internal.stats.StatisticCalculator", "dev.cwfilter.internal.shaded.antlr.Parser")) {
            Path attempt = dir.resolve(internal.replace('.', '_'));
            List<Diagnostic<? extends JavaFileObject>> errors = compile(attempt, attempt.resolve("classes"), """
                    module app {
                        requires dev.cwfilter.core;
                    }
                    """, """
                    package app;

                    import %s;

                    public class Main {
                    }
                    """.formatted(internal), true);
            String packageName = internal.substring(0, internal.lastIndexOf('.'));
            assertThat(errors).as(internal).isNotEmpty();
            assertThat(errors.get(0).getMessage(Locale.ROOT))
                    .as(internal)
                    .contains("package " + packageName + " is declared in module dev.cwfilter.core, which does not"
                            + " export it");
        }
    }

    @Test
    void classpathDoesNotEnforceTheBoundaryWhichIsWhyTheModuleDescriptorExists(@TempDir Path dir) throws Exception {
        // The control for the test above: the same import compiles on the classpath, so the module-path failure
        // comes from the descriptor, not from a missing class.
        assertThat(compile(dir, dir.resolve("classes"), null, """
                package app;

                import dev.cwfilter.internal.stats.StatisticCalculator;

                public class Main {
                }
                """, false)).isEmpty();
    }

    /** Compiles {@code app.Main} (and {@code module-info.java} when given); returns javac's errors. */
    private static List<Diagnostic<? extends JavaFileObject>> compile(Path dir, Path classes, String moduleInfo,
            String main, boolean modulePath) throws IOException {
        Path sources = dir.resolve("src");
        Files.createDirectories(sources.resolve("app"));
        Files.createDirectories(classes);
        List<File> files = new ArrayList<>();
        if (moduleInfo != null) {
            files.add(Files.writeString(sources.resolve("module-info.java"), moduleInfo).toFile());
        }
        files.add(Files.writeString(sources.resolve("app/Main.java"), main).toFile());

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            // An explicit, empty classpath on the module path: javac's default is this JVM's classpath, which
            // holds filter-core's classes as the unnamed module.
            Path emptyClasspath = Files.createDirectories(dir.resolve("no-classpath"));
            List<String> options = modulePath
                    ? List.of("--module-path", LIBRARIES, "-classpath", emptyClasspath.toString(),
                            "-d", classes.toString(), "--release", "17")
                    : List.of("-classpath", LIBRARIES, "-d", classes.toString(), "--release", "17");
            javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .collect(Collectors.toList());
    }
}
