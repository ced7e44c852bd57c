package dev.cwfilter.definitions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Documents;
import dev.cwfilter.deploy.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON documents of a text, one after the other, as the pages of AWS CLI output written to one file are. */
final class JsonPages {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonPages() {
    }

    /**
     * Every JSON document of the text, in order (whitespace between them).
     *
     * @param file the file's name, for messages
     * @throws DocumentException if the text is not a sequence of well-formed documents, or holds none
     */
    static List<Node> parseAll(String text, String file) {
        List<Node> documents = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            while (p.nextToken() != null) {
                documents.add(Documents.readValue(p));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int nl = message.indexOf('\n');
            throw new DocumentException(file, at == null ? 0 : Math.max(at.getLineNr(), 0), "not well-formed JSON: "
                    + (nl < 0 ? message : message.substring(0, nl)), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (documents.isEmpty()) {
            throw new DocumentException(file, 0, "the file is empty", null);
        }
        return documents;
    }
}
