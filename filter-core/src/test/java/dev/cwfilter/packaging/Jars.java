package dev.cwfilter.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** What the packaging tests read from the built jars, and how they run a program against them: written once. */
final class Jars {

    private Jars() {
    }

    /** The names of every entry of the jar, in the jar's order. */
    static List<String> names(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).collect(Collectors.toList());
        }
    }

    /** The entry's content as UTF-8 text; fails the test when the jar has no such entry. */
    static String text(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(name);
            assertThat(entry).as(name + " in " + jar.getFileName()).isNotNull();
            return new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The jar's manifest attribute, or null. */
    static String manifestAttribute(Path jar, String attribute) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(attribute);
        }
    }

    /**
     * Runs this JVM's {@code java} with the arguments and returns what it printed (standard output and error); fails
     * the test unless it exits 0 within a minute.
     */
    static String runJava(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).as("exited within a minute").isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        return output;
    }
}
