package dev.cwfilter.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSourceTest {

    /** Hands out at most {@code chunk} bytes per read, as pipes and gzip streams do. */
    static InputStream trickle(String text, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    static List<String> lines(InputStream in, int max) throws IOException {
        LineSource source = new LineSource(in, max);
        List<String> lines = new ArrayList<>();
        while (source.next()) {
            lines.add(source.number() + ":" + (source.oversized() ? "<oversized>"
                    : new String(source.buffer(), source.start(), source.end() - source.start(),
                    StandardCharsets.UTF_8)));
        }
        return lines;
    }

    @Test
    void splitsOnNewlinesDropsCarriageReturnsAndKeepsALastLineWithoutNewline() throws IOException {
        assertThat(lines(trickle("a\r\n\nbc\rd\nlast", 3), 100))
                .containsExactly("1:a", "2:", "3:bc\rd", "4:last");
        assertThat(lines(trickle("", 3), 100)).isEmpty();
        assertThat(lines(trickle("x\n", 1), 100)).containsExactly("1:x");
    }

    @Test
    void linesOverTheLimitAreSkippedWithoutBufferingThemWhateverTheReadSizes() throws IOException {
        String big = "y".repeat(300_000);
        for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
            assertThat(lines(trickle("ok\n" + big + "\nafter\n" + "z".repeat(101) + "\n" + "w".repeat(100) + "\r\n"
                    + big, chunk), 100))
                    .as("chunk %d", chunk)
                    .containsExactly("1:ok", "2:<oversized>", "3:after", "4:<oversized>", "5:" + "w".repeat(100),
                            "6:<oversized>");
        }
    }

    @Test
    void linesUpToTheLimitAreKeptWhole() throws IOException {
        String line = "é".repeat(200_000);
        assertThat(lines(trickle(line + "\n" + line, 65_536), 400_000)).containsExactly("1:" + line, "2:" + line);
    }

    @Test
    void theScanNotesWhichLinesHoldNonAsciiBytes() throws IOException {
        String text = "plain ascii line\nnon-ascii at the end é\n" + "x".repeat(37) + "é" + "y".repeat(50)
                + "\nascii again\né\n\nlast é";
        for (int chunk : new int[] {1, 3, 8, 1 << 16}) {
            LineSource source = new LineSource(trickle(text, chunk), 1000);
            StringBuilder flags = new StringBuilder();
            while (source.next()) {
                flags.append(source.ascii() ? 'a' : 'u');
            }
            assertThat(flags.toString()).as("chunk %d", chunk).isEqualTo("auuauau");
        }
    }
}
