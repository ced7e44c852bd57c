package dev.cwfilter.internal.eval.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.internal.eval.prefilter.SetPrefilter.Kind;
import dev.cwfilter.internal.eval.prefilter.SetPrefilter.Literal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetPrefilterTest {

    private static List<Integer> survivors(SetPrefilter p, String event) {
        SetPrefilter.Scratch s = p.scratch();
        byte[] b = event.getBytes(StandardCharsets.UTF_8);
        p.mayMatch(b, 0, b.length, s);
        return java.util.stream.IntStream.range(0, p.patternCount()).filter(i -> SetPrefilter.survived(i, s.survivors))
                .boxed().toList();
    }

    private static final SetPrefilter PREFILTER = SetPrefilter.builder()
            .pattern(List.of(List.of(new Literal(Kind.EXACT, "Root"))), true)                         // 0
            .pattern(List.of(List.of(new Literal(Kind.PREFIX, "AccessDenied"),
                    new Literal(Kind.SUFFIX, "UnauthorizedOperation"))), true)                         // 1
            .pattern(List.of(List.of(new Literal(Kind.EXACT, "GetSecretValue")),
                    List.of(new Literal(Kind.EXACT, "prod/db"))), true)                                // 2
            .pattern(List.of(List.of(new Literal(Kind.FREE, "kali"), new Literal(Kind.FREE, "Parrot"))), false) // 3
            .pattern(List.of(), false)                                                                  // 4
            .pattern(List.of(List.of(new Literal(Kind.FREE, "marked for deletion"))), true)            // 5
            .build();

    @Test
    void quotedLiteralsAreWholeStringsPrefixesAndSuffixes() {
        assertThat(survivors(PREFILTER, "{\"type\":\"Root\"}")).containsExactly(0, 4);
        assertThat(survivors(PREFILTER, "{\"type\":\"Rooted\",\"x\":\"aRoot\"}")).containsExactly(4);
        assertThat(survivors(PREFILTER, "{\"errorCode\":\"AccessDeniedException\"}")).containsExactly(1, 4);
        assertThat(survivors(PREFILTER, "{\"errorCode\":\"Client.UnauthorizedOperation\"}")).containsExactly(1, 4);
        assertThat(survivors(PREFILTER, "{\"errorCode\":\"xAccessDenied\"}")).containsExactly(4);
    }

    @Test
    void aPatternNeedsEveryClause() {
        assertThat(survivors(PREFILTER, "{\"eventName\":\"GetSecretValue\"}")).containsExactly(4);
        assertThat(survivors(PREFILTER, "{\"eventName\":\"GetSecretValue\",\"id\":\"prod/db\"}"))
                .containsExactly(2, 4);
    }

    @Test
    void freeLiteralsAreFoundAnywhereAndOneOfAClauseSuffices() {
        assertThat(survivors(PREFILTER, "user agent Kali Parrot/1.0")).containsExactly(3, 4);
        assertThat(survivors(PREFILTER, "user agent kali")).containsExactly(3, 4);
        assertThat(survivors(PREFILTER, "ka li, parrot")).containsExactly(4);
        assertThat(survivors(PREFILTER, "the secret was marked for deletion")).containsExactly(4, 5);
        assertThat(survivors(PREFILTER, "marked for deletio")).containsExactly(4);
    }

    @Test
    void aBackslashVoidsTheLiteralsOfJsonPatternsOnly() {
        assertThat(survivors(PREFILTER, "{\"type\":\"R\\u006fot\"}")).containsExactly(0, 1, 2, 4, 5);
        assertThat(survivors(PREFILTER, "{\"type\":\"R\\u006fot\",\"ua\":\"kali\"}")).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void literalsAtEitherEndOfTheRangeAreFound() {
        byte[] b = "xx\"Root\"yy".getBytes(StandardCharsets.UTF_8);
        SetPrefilter.Scratch s = PREFILTER.scratch();
        PREFILTER.mayMatch(b, 2, 6, s);
        assertThat(SetPrefilter.survived(0, s.survivors)).isTrue();
        PREFILTER.mayMatch(b, 3, 5, s);
        assertThat(SetPrefilter.survived(0, s.survivors)).isFalse();
        byte[] k = "zkali".getBytes(StandardCharsets.UTF_8);
        PREFILTER.mayMatch(k, 1, 4, s);
        assertThat(SetPrefilter.survived(3, s.survivors)).isTrue();
        PREFILTER.mayMatch(k, 1, 3, s);
        assertThat(SetPrefilter.survived(3, s.survivors)).isFalse();
    }

    @Test
    void aClauseWithALiteralTooShortToLookForAlwaysHoldsAndTheOtherClausesStillDecide() {
        SetPrefilter p = SetPrefilter.builder()
                .pattern(List.of(List.of(new Literal(Kind.FREE, "ab"))), false)                         // 0
                .pattern(List.of(List.of(new Literal(Kind.FREE, "ab")),
                        List.of(new Literal(Kind.FREE, "GetSecretValue"))), false)                      // 1
                .pattern(List.of(List.of(new Literal(Kind.FREE, "ab"), new Literal(Kind.FREE, "Delete"))),
                        false)                                                                          // 2
                .build();
        assertThat(survivors(p, "nothing here")).containsExactly(0, 2);
        assertThat(survivors(p, "GetSecretValue")).containsExactly(0, 1, 2);
        assertThat(survivors(p, "ab GetSecretVa")).containsExactly(0, 2);
    }

    @Test
    void patternsThatShareACommonLiteralAreEachDecidedByAllTheirClauses() {
        SetPrefilter.Builder b = SetPrefilter.builder();
        for (int i = 0; i < 40; i++) {
            b.pattern(List.of(List.of(new Literal(Kind.EXACT, "secretsmanager.amazonaws.com")),
                    List.of(new Literal(Kind.EXACT, "GetSecretValue")),
                    List.of(new Literal(Kind.EXACT, "prod/app-" + i))), true);
        }
        b.pattern(List.of(List.of(new Literal(Kind.EXACT, "GetSecretValue"))), true);
        SetPrefilter p = b.build();
        String source = "\"eventSource\":\"secretsmanager.amazonaws.com\",";
        String name = "\"eventName\":\"GetSecretValue\",";
        assertThat(survivors(p, "{" + source + name + "\"secretId\":\"prod/app-17\"}")).containsExactly(17, 40);
        assertThat(survivors(p, "{" + source + name + "\"secretId\":\"prod/app-170\"}")).containsExactly(40);
        assertThat(survivors(p, "{" + name + "\"secretId\":\"prod/app-17\"}")).containsExactly(40);
        assertThat(survivors(p, "{" + source + "\"secretId\":\"prod/app-3\"}")).isEmpty();
        assertThat(survivors(p, "{\"secretId\":\"prod/app-3\",\"x\":[\"prod/app-4\"]," + source + name + "}"))
                .containsExactly(3, 4, 40);
    }
}
