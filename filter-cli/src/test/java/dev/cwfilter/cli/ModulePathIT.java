package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published modules work as named modules together: the command's module, {@code dev.cwfilter.cli}, resolves
 * against its runtime dependencies (cwfilter's modules, jackson, picocli, the AWS SDK's automatic modules) with no
 * missing module and no package in two modules, and the command runs from the module path. Runs after
 * {@code package}, against the real jars.
 */
class ModulePathIT {

    private static final Path CLI = Path.of(System.getProperty("cwfilter.moduleJar"));

    private static List<Path> modulePath() throws Exception {
        List<Path> path = new ArrayList<>();
        path.add(CLI);
        String dependencies = Files.readString(Path.of(System.getProperty("cwfilter.runtimeDependencies"))).trim();
        Arrays.stream(dependencies.split(File.pathSeparator)).map(Path::of).forEach(path::add);
        return path;
    }

    @Test
    void everyCwfilterModuleIsANamedModuleAndTheGraphResolves() throws Exception {
        ModuleFinder finder = ModuleFinder.of(modulePath().toArray(Path[]::new));
        Configuration graph = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(),
                Set.of("dev.cwfilter.cli"));

        Set<String> cwfilter = graph.modules().stream().map(ResolvedModule::name)
                .filter(n -> n.startsWith("dev.cwfilter.")).collect(Collectors.toSet());
        assertThat(cwfilter).containsExactlyInAnyOrder("dev.cwfilter.cli", "dev.cwfilter.core", "dev.cwfilter.aws",
                "dev.cwfilter.definitions", "dev.cwfilter.deploy", "dev.cwfilter.events");
        for (String name : cwfilter) {
            assertThat(graph.findModule(name).orElseThrow().reference().descriptor().isAutomatic()).as(name)
                    .isFalse();
        }
        assertThat(graph.findModule("dev.cwfilter.cli").orElseThrow().reference().descriptor().exports())
                .as("an application exports nothing").isEmpty();
    }

    @Test
    void commandRunsFromTheModulePath() throws Exception {
        String path = modulePath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));

        Result matches = run(path, "a [ERROR] x\nb [INFO] y\n", "filter", "-p", "ERROR");
        assertThat(matches.code()).as(matches.output()).isZero();
        assertThat(matches.output()).isEqualTo("a [ERROR] x\n");

        Result bad = run(path, "", "filter", "-p", "{ $.a = }");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.output()).contains("expected a value after '=', found '}'");
    }

    private record Result(int code, String output) {
    }

    private static Result run(String modulePath, String stdin, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--module-path", modulePath, "--module", "dev.cwfilter.cli/dev.cwfilter.cli.Main"));
        command.addAll(List.of(arguments));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        java.getOutputStream().close();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(java.exitValue(), output);
    }
}
