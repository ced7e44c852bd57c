package dev.cwfilter.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the conformance files copied from ../shared/conformance into this module's test resources
 * ({@code /conformance/*.jsonl}).
 */
public final class ConformanceFiles {

    /** Every conformance file, in the order the suite runs them. */
    public static final List<String> ALL = List.of("parse.jsonl", "match.jsonl", "metrics.jsonl", "alarms.jsonl");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConformanceFiles() {
    }

    /** The cases of one file, in file order. */
    public static List<ConformanceCase> read(String file) {
        InputStream in = ConformanceFiles.class.getResourceAsStream("/conformance/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource /conformance/" + file
                    + ": copy it from ../shared/conformance");
        }
        List<ConformanceCase> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    cases.add(new ConformanceCase(file, number, MAPPER.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
