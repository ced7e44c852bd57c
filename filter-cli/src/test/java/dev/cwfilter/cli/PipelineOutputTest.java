package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/** {@link PipelineOutput}: JSON documents one after the other, flushing, and a failed write seen. */
class PipelineOutputTest {

    @Test
    void jsonDocumentsFollowOneAnotherWithNothingBetweenThemAndAreFlushed() throws IOException {
        StringWriter text = new StringWriter();
        PipelineOutput output = new PipelineOutput(new PrintWriter(text), true);
        for (int i = 1; i <= 2; i++) {
            output.json.writeStartObject();
            output.json.writeNumberField("n", i);
            output.json.writeEndObject();
            output.json.writeRaw('\n');
        }
        assertThat(output.failed()).isFalse();
        output.flush();
        assertThat(text).hasToString("{\"n\":1}\n{\"n\":2}\n");
        assertThat(new PipelineOutput(new StringWriter(), false).json).isNull();
    }

    @Test
    void aWriteThatFailedIsSeen() throws IOException {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        PipelineOutput text = new PipelineOutput(new PrintWriter(broken), false);
        assertThat(text.failed()).isFalse();
        text.out.write("a line\n");
        assertThat(text.failed()).isTrue();
        PipelineOutput json = new PipelineOutput(new PrintWriter(broken), true);
        json.json.writeString("x");
        assertThat(json.failed()).as("the generator's buffer is handed over, and the failure seen").isTrue();
    }
}
