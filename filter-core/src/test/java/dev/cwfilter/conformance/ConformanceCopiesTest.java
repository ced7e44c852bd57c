package dev.cwfilter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The repository keeps copies of ../shared/conformance so that a clone runs the suite on its own. Where the shared
 * directory is present (a developer's machine), the copies must be identical to it.
 */
class ConformanceCopiesTest {

    static final java.util.List<String> FILES = ConformanceFiles.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("FILES")
    void copyIsIdenticalToTheSharedFile(String file) throws IOException {
        Path shared = sharedDirectory().resolve(file);
        assumeTrue(Files.exists(shared), "no ../shared/conformance here (a clean clone): nothing to compare");
        try (InputStream copy = getClass().getResourceAsStream("/conformance/" + file)) {
            assertThat(copy).as("test resource /conformance/%s", file).isNotNull();
            assertThat(new String(copy.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("%s must be re-copied from %s", file, shared)
                    .isEqualTo(Files.readString(shared));
        }
    }

    private static Path sharedDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Path.of("../shared/conformance");
    }
}
