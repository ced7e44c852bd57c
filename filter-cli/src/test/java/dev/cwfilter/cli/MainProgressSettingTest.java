package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether the command line may draw a progress bar: the root script's answer decides, and can be overruled. */
class MainProgressSettingTest {

    @Test
    void theScriptsAnswerDecidesAndProgressFalseWins() {
        String terminal = System.getProperty("cwfilter.stderrIsTerminal");
        String progress = System.getProperty("cwfilter.progress");
        try {
            System.clearProperty("cwfilter.progress");
            System.setProperty("cwfilter.stderrIsTerminal", "true");
            assertThat(Main.stderrIsTerminal()).isTrue();
            System.setProperty("cwfilter.stderrIsTerminal", "false");
            assertThat(Main.stderrIsTerminal()).isFalse();
            System.setProperty("cwfilter.stderrIsTerminal", "true");
            System.setProperty("cwfilter.progress", "false");
            assertThat(Main.stderrIsTerminal()).isFalse();
        } finally {
            restore("cwfilter.stderrIsTerminal", terminal);
            restore("cwfilter.progress", progress);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
