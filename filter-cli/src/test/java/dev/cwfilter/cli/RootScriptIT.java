package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root script {@code ./cwfilter} as a person runs it, after the build has made the jar (failsafe runs this after
 * {@code package}). {@code CWFILTER_NO_BUILD} makes the script fail instead of starting a Maven build inside this one,
 * so a script that wrongly thinks the fresh jar is stale fails here.
 */
class RootScriptIT {

    static Path root;

    @BeforeAll
    static void locate() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is not installed");
        root = Path.of(System.getProperty("cwfilter.repoRoot", "..")).toAbsolutePath().normalize();
        assertThat(root.resolve("cwfilter")).isExecutable();
        assertThat(Path.of(System.getProperty("cwfilter.jar", "target/cwfilter.jar"))).exists();
    }

    record Result(int code, String out, String err) {
    }

    static Result run(Path dir, byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("cwfilter").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("CWFILTER_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LANG", "C.UTF-8");
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            in.write(stdin);
        }
        String out = read(process.getInputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err.get());
    }

    static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theDemoRunsFromTheRepositoryRoot() throws Exception {
        Result r = run(root, new byte[0], "demo");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1. The events that match (6 of 127)").contains("4 times in ALARM")
                .contains("2 of 16 events matched → Average 0.125");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void filesAreRelativeToTheDirectoryTheScriptIsRunFrom(@TempDir Path dir) throws Exception {
        Files.copy(Run.seed(), dir.resolve("trail.json"));
        Result r = run(dir, new byte[0], "filter", "-p", "{ $.eventName = \"GetSecretValue\" }", "--count",
                "trail.json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("6\n");
    }

    @Test
    void standardInputAndOutputArePipes(@TempDir Path dir) throws Exception {
        Result r = run(dir, "a [ERROR] x\nb [INFO] y\nc é ERROR\n".getBytes(StandardCharsets.UTF_8), "filter", "-p",
                "ERROR");
        assertThat(r.out()).isEqualTo("a [ERROR] x\nc é ERROR\n");
    }

    @Test
    void testMetricFilterPrintsTheAwsCliOutput(@TempDir Path dir) throws Exception {
        Result r = run(dir, new byte[0], TestMetricFilterCommandTest.S9);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(TestMetricFilterCommandTest.golden("test-metric-filter-S9.json"));
    }

    @Test
    void errorsExitWithTheirCodes(@TempDir Path dir) throws Exception {
        Result pattern = run(dir, new byte[0], "filter", "-p", "{ $.a = }", "x.log");
        assertThat(pattern.code()).isEqualTo(2);
        assertThat(pattern.err()).isEqualTo("Invalid filter pattern: expected a value after '=', found '}' (line 1, "
                + "column 9)\n{ $.a = }\n        ^\n");
        Result missing = run(dir, new byte[0], "filter", "-p", "x", "nowhere.log");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("cwfilter: cannot read 'nowhere.log': no such file\n");
        assertThat(run(dir, new byte[0], "--version").out()).startsWith("cwfilter " + VersionProvider.version());
    }

    @Test
    void theEventsCommandRunsFromTheScript(@TempDir Path dir) throws Exception {
        Files.copy(Run.seed(), dir.resolve("trail.json"));
        Result r = run(dir, new byte[0], "events", "--rule", EventsCommandTest.DELETE_OR_ROTATE, "--output", "json",
                "trail.json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().split("\n")).hasSize(2);
    }

    /**
     * The script's staleness check covers every module that goes into the jar: a copy of the script beside a copy of
     * the jar is stale once a main source of the events or deployment modules is newer, and not for a test source.
     */
    @Test
    void aChangedEventsOrDeployModuleMakesTheJarStale(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("repo");
        Files.createDirectories(copy.resolve("filter-cli/target"));
        Files.copy(root.resolve("cwfilter"), copy.resolve("cwfilter"));
        Path jar = Files.copy(Path.of(System.getProperty("cwfilter.jar", "target/cwfilter.jar")),
                copy.resolve("filter-cli/target/cwfilter.jar"));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        for (String module : List.of("filter-events", "filter-deploy")) {
            Path test = copy.resolve(module + "/src/test/java/T.java");
            Files.createDirectories(test.getParent());
            Files.writeString(test, "class T {}");
            Result fresh = runScript(copy, dir, "--version");
            assertThat(fresh.code()).as(module + " test source: " + fresh.err()).isZero();
            Path main = copy.resolve(module + "/src/main/java/M.java");
            Files.createDirectories(main.getParent());
            Files.writeString(main, "class M {}");
            Result stale = runScript(copy, dir, "--version");
            assertThat(stale.code()).as(module).isEqualTo(1);
            assertThat(stale.err()).contains("is missing or out of date, and CWFILTER_NO_BUILD is set");
            Files.delete(main);
        }
    }

    static Result runScript(Path repo, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve("cwfilter").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("CWFILTER_NO_BUILD", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err.get());
    }
}
