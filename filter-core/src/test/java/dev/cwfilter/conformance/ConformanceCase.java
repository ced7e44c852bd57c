package dev.cwfilter.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a conformance file: its id, the file it came from and the raw JSON, with accessors for the fields every
 * file shares.
 *
 * @param file the file name, such as {@code match.jsonl}
 * @param line the 1-based line number in the file
 * @param json the case
 */
public record ConformanceCase(String file, int line, JsonNode json) {

    /** The case id. */
    public String id() {
        return json.path("id").asText();
    }

    /** The filter pattern, or null if the case has none. */
    public String pattern() {
        return json.hasNonNull("pattern") ? json.get("pattern").asText() : null;
    }

    /** A one-line description for failure messages. */
    public String describe() {
        return file + ":" + line + " " + id() + " (" + json.path("source").asText("no source") + ")";
    }
}
