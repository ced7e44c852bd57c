package dev.cwfilter.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.ParsedPattern;
import dev.cwfilter.PatternIssue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid patterns: the message in our words, the position, the caret excerpt, and robustness. */
class ParseErrorTest {

    private static FilterPatternException rejected(String pattern) {
        return rejected(pattern, FilterOptions.defaults());
    }

    private static FilterPatternException rejected(String pattern, FilterOptions options) {
        try {
            FilterPattern.compile(pattern, options);
        } catch (FilterPatternException e) {
            return e;
        }
        throw new AssertionError("expected a FilterPatternException for " + pattern);
    }

    @Test
    void missingValueReportsWhatWasExpectedAfterWhatAndWhere() {
        FilterPatternException e = rejected("{ $.a = }");
        assertThat(e.reason()).isEqualTo("expected a value after '=', found '}'");
        assertThat(e.offset()).isEqualTo(8);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.excerpt()).isEqualTo("{ $.a = }\n        ^");
        assertThat(e.getMessage()).isEqualTo(
                "Invalid filter pattern: expected a value after '=', found '}' (line 1, column 9)\n"
                        + "{ $.a = }\n"
                        + "        ^");
    }

    @Test
    void positionsCountLinesAndColumnsInMultiLinePatterns() {
        FilterPatternException e = rejected("{\n  $.a = 1 &&\n  $.b IS NOT NULL\n}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.offset()).isEqualTo("{\n  $.a = 1 &&\n  $.b IS ".length());
        assertThat(e.excerpt()).isEqualTo("  $.b IS NOT NULL\n         ^");
    }

    @Test
    void longLinesAreCutAroundTheColumnInTheExcerpt() {
        String pattern = "{ $.a = 1 && " + "$.b = 2 && ".repeat(20) + "$.c = }";
        FilterPatternException e = rejected(pattern);
        String[] lines = e.excerpt().split("\n");
        assertThat(lines[0]).startsWith("...").hasSizeLessThanOrEqualTo(80).endsWith("$.c = }");
        assertThat(lines[1].indexOf('^')).isEqualTo(lines[0].indexOf("}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '`', textBlock = """
            { status = "401" } ~ expected a selector such as $.field, found 'status': selectors start with '$.' (did you mean '$.status'?) ~ 3
            { $.x IS NOT NULL } ~ IS NOT is not supported: write NOT EXISTS for a missing field, or $.field = * for a present, non-null value ~ 10
            { $.x EXISTS } ~ EXISTS alone is not supported: write NOT EXISTS for a missing field, or $.field = * for a present, non-null value ~ 7
            { $.a is NULL } ~ expected an operator, found 'is': the keywords IS and NOT EXISTS are upper case ~ 7
            { $.a IS } ~ expected NULL, TRUE or FALSE after 'IS', found '}' ~ 10
            { $.attribute * "a"} ~ expected an operator (=, !=, <, <=, >, >=, IS or NOT EXISTS) after '$.attribute', found '*' ~ 15
            {$.attribute = 1 &} ~ unexpected '&': the 'and' operator is '&&' ~ 18
            `{$.a = 1 | $.b = 2}` ~ unexpected '|': the 'or' operator is '||' ~ 10
            { $.a = 1, $.b = 2 } ~ unexpected ',': join conditions with '&&' or '||' ~ 10
            { $.a ! 1 } ~ unexpected '!': the 'not equal' operator is '!=' ~ 7
            {} ~ empty JSON pattern: expected a condition such as $.field = value ~ 2
            { ~ expected a condition such as $.field = value after '{', found the end of the pattern ~ 2
            {($.a = 1 } ~ expected ')', '&&' or '||' after '1', found '}' ~ 11
            {$.a = 1) } ~ expected '}', '&&' or '||' after '1', found ')' ~ 9
            { $.a = 1 && } ~ expected a condition such as $.field = value after '&&', found '}' ~ 14
            { $.a = 1 } extra ~ unexpected 'extra' after the end of the pattern: a JSON pattern { ... } must be the whole pattern ~ 13
            [a, b] c ~ unexpected 'c' after the end of the pattern: a space-delimited pattern [ ... ] must be the whole pattern ~ 8
            %foo% bar ~ unexpected 'bar' after the end of the pattern: a regular expression %...% must be the whole pattern ~ 7
            bar %foo% ~ a regular expression %...% must be the whole pattern: it cannot be combined with terms ~ 5
            ERROR { ~ '{' starts a JSON pattern, which must be the whole pattern: quote the term to match '{' literally ~ 7
            "abc ~ unterminated quoted string: expected a closing '"' ~ 1
            %abc ~ unterminated regular expression: expected a closing '%' ~ 1
            ? ~ expected a term after '?', found the end of the pattern ~ 2
            - ERROR ~ '-' must be followed directly by its term, with no space ~ 1
            `"a""b"` ~ terms must be separated by whitespace ~ 4
            ?Status: timeout ~ invalid character ':' in term 'Status:': terms with characters other than letters, digits and '_' must be quoted, like "Status:" ~ 8
            dry-run ~ invalid character '-' in term 'dry-run': terms with characters other than letters, digits and '_' must be quoted, like "dry-run" ~ 4
            $.attribute ~ invalid character '$' in term '$.attribute': a JSON selector must be inside a JSON pattern, like { $.attribute = "value" } ~ 1
            `"C:\\temp"` ~ unsupported escape '\\t' in a quoted string: only \\" (a quote) and \\\\ (a backslash) are escapes ~ 4
            { $."sc-status" = 1 } ~ double-quoted keys are not supported: write .['key'] ~ 5
            { $.@timestamp = 1 } ~ unexpected '@' after '.': property names hold letters, digits, '_' and '-'; write other keys as .['key'] ~ 5
            { $ = 1 } ~ expected '.' after '$': selectors look like $.field ~ 3
            { $.a. = 1 } ~ expected a property name after '.' ~ 6
            {$[0] = 1} ~ an array index must follow a property, as in $.items[0] ~ 3
            { $.a[x] = 1 } ~ an array index is a number or '*', as in [0] or [*] ~ 6
            { $.a[99999999999999999999] = 1 } ~ array index 99999999999999999999 is too large: the largest is 2147483647 ~ 7
            { $.a['b'] = 1 } ~ a bracket-quoted key follows a dot: write .['key'] ~ 6
            { $.['b = 1 } ~ unterminated bracket-quoted key: expected "']" ~ 5
            { $.['it's'] = 1 } ~ a bracket-quoted key ends at its second quote, which must be followed by ']'; a key cannot hold a single quote ~ 9
            { $.a[*].b[*] = 1 } ~ selector '$.a[*].b[*]' has 2 wildcards: CloudWatch allows 1 per selector ~ 3
            { $.a > abc } ~ '>' compares numbers: expected a number after '>', found 'abc' ~ 9
            { $.a <= "5" } ~ '<=' compares numbers: expected a number after '<=', found '"5"' ~ 10
            { $.owner = null } ~ a JSON field cannot be compared with null: write $.owner IS NULL to test for a JSON null, or quote it ("null") to compare with the text null ~ 13
            { $.a[0].b != null } ~ a JSON field cannot be compared with null: write $.a[0].b IS NULL to test for a JSON null, or quote it ("null") to compare with the text null ~ 15
            { $.a = ... } ~ the value '...' must be quoted, like "...": written bare it reads as an ellipsis ~ 9
            { $.a = a[0] } ~ invalid character '[' in value 'a[0]': quote the value, like "a[0]" ~ 10
            { $.a = %(x)% } ~ invalid regular expression '%(x)%': regular expressions have no groups: '(' is not supported (write \\x28 to match it) ~ 10
            %something!% ~ invalid regular expression '%something!%': character '!' is not supported in regular expressions: write \\x21 to match it ~ 11
            %a{2,1}% ~ invalid regular expression '%a{2,1}%': repetition {2,1} has its bounds reversed ~ 3
            %*a% ~ invalid regular expression '%*a%': '*' has nothing to repeat: escape it (\\*) to match it literally ~ 2
            %a**% ~ invalid regular expression '%a**%': '*' cannot follow a repetition: escape it to match it literally ~ 4
            %a{1001}% ~ invalid regular expression '%a{1001}%': repetition counts above 1000 are not supported ~ 3
            %\\n% ~ invalid regular expression '%\\n%': unsupported escape '\\n': the escapes are \\d \\D \\s \\S \\w \\W, \\xhh, and a backslash before an operator or symbol ~ 2
            %\\x4% ~ invalid regular expression '%\\x4%': \\x must be followed by two hexadecimal digits, like \\x3A ~ 2
            %[]a]% ~ invalid regular expression '%[]a]%': empty character class: write \\] for a literal bracket ~ 2
            %[z-a]% ~ invalid regular expression '%[z-a]%': range z-a has its bounds reversed ~ 4
            %é% ~ invalid regular expression '%é%': multi-byte characters are not supported in regular expressions ~ 2
            %% ~ invalid regular expression '%%': empty regular expression ~ 2
            [a, b, a] ~ field name 'a' is used twice: each field needs its own name ~ 8
            [..., x, ...] ~ a space-delimited pattern may have only one '...' ~ 10
            [status_code = 4* && bytes > 1000] ~ field 'status_code' has a condition on 'bytes': the conditions of a field can only test that field ~ 22
            [404, x] ~ invalid field name '404': field names hold letters, digits, '_' and '-', and are not only digits ~ 2
            [a b] ~ expected ']' or ',' after 'a', found 'b' ~ 4
            [a = ] ~ expected a value after '=', found ']' ~ 6
            [a = 1 ~ expected ']' or ',' after '1', found the end of the pattern ~ 7
            """)
    void rejectsWithAMessageInOurWords(String pattern, String message, int column) {
        FilterPatternException e = rejected(pattern);
        assertThat(e.reason()).isEqualTo(message);
        assertThat(e.column()).as("column").isEqualTo(column);
    }

    @Test
    void tooManyRegexesAreReportedAtTheFirstOneOverTheLimit() {
        FilterPatternException json = rejected("{ $.a = %x% && $.b = %y% && $.c = %z% }");
        assertThat(json.reason()).isEqualTo("too many regular expressions: CloudWatch allows 2 in a JSON pattern");
        assertThat(json.column()).isEqualTo(35);
        FilterPatternException delimited = rejected("[a = %x%, b = %y% || b = %z%]");
        assertThat(delimited.reason())
                .isEqualTo("too many regular expressions: CloudWatch allows 2 in a space-delimited pattern");
    }

    @Test
    void tooManyWildcardSelectorsAreReportedAtTheFourth() {
        FilterPatternException e = rejected("{ $.a[*] = 1 || $.b[*] = 1 || $.c.* = 1 || $.d[*] = 1 }");
        assertThat(e.reason()).isEqualTo("too many selectors with wildcards: CloudWatch allows 3 per pattern");
        assertThat(e.column()).isEqualTo(44);
        assertThat(FilterPattern.parse("{ $.a[*] = 1 || $.b[*] = 1 || $.c.* = 1 }").isValid()).isTrue();
    }

    @Test
    void patternLongerThanCloudWatchsLimitIsRejectedAtTheFirstCharacterOverIt() {
        FilterPatternException e = rejected("X".repeat(1025));
        assertThat(e.reason()).isEqualTo("the pattern is 1025 characters long: the limit is 1024");
        assertThat(e.offset()).isEqualTo(1024);
        assertThat(FilterPattern.parse("X".repeat(1024)).isValid()).isTrue();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00";
        String pattern = "\"" + emoji.repeat(511) + "\"";
        assertThat(pattern.codePointCount(0, pattern.length())).isEqualTo(513);
        assertThat(FilterPattern.parse(pattern).isValid()).isTrue();
    }

    @Test
    void offsetsAfterSupplementaryCharactersAreUtf16Offsets() {
        String pattern = "\"\uD83D\uDE00\" ERROR:";
        FilterPatternException e = rejected(pattern);
        assertThat(e.offset()).isEqualTo(pattern.indexOf(':'));
    }

    @Test
    void parseOnlyEntryPointReportsEveryIssueWithoutThrowing() {
        ParsedPattern parsed = FilterPattern.parse("Status: dry-run ok");
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.ast()).isEmpty();
        assertThat(parsed.issues()).extracting(PatternIssue::offset).containsExactly(6, 11);
        assertThatThrownBy(parsed::astOrThrow).isInstanceOf(FilterPatternException.class)
                .hasMessageContaining("[and 1 more problem]");
    }

    @Test
    void parseOnlyEntryPointReportsEverySemanticIssueOfAJsonPattern() {
        ParsedPattern parsed = FilterPattern.parse("{ $.a@ = 1 && $.b > x && $.c = %(% }");
        assertThat(parsed.issues()).hasSize(3);
    }

    @Test
    void patternNestedHundredThousandLevelsIsACleanErrorUnderTheDefaultLimits() {
        String deep = "{ " + "(".repeat(100_000) + "$.a = 1" + ")".repeat(100_000) + " }";
        FilterPatternException e = rejected(deep);
        assertThat(e.reason()).startsWith("the pattern is 200011 characters long");
    }

    @Test
    void patternNestedHundredThousandLevelsIsACleanErrorWithTheLengthLimitLifted() {
        String deep = "{ " + "(".repeat(100_000) + "$.a = 1" + ")".repeat(100_000) + " }";
        FilterOptions options = FilterOptions.builder().maxPatternLength(10_000_000).build();
        FilterPatternException e = rejected(deep, options);
        assertThat(e.reason()).isEqualTo("parentheses are nested more than 512 levels deep");
        assertThat(e.offset()).isEqualTo(2 + 512);
    }

    @Test
    void defaultNestingLimitParsesOnAHalfMegabyteStack() throws InterruptedException {
        int depth = FilterOptions.DEFAULT_MAX_NESTING_DEPTH;
        FilterOptions options = FilterOptions.builder().maxPatternLength(100_000).build();
        assertThat(parseNestedOnThread(depth, options, 512 * 1024).isValid()).isTrue();
    }

    @Test
    void nestingCeilingParsesOnADefaultSizedThreadStack() throws InterruptedException {
        int depth = FilterOptions.NESTING_DEPTH_CEILING;
        FilterOptions options = FilterOptions.builder().maxPatternLength(100_000).maxNestingDepth(depth).build();
        assertThat(parseNestedOnThread(depth, options, 1024 * 1024).isValid()).isTrue();
    }

    @Test
    void stackOverflowWhileParsingIsACleanError() throws InterruptedException {
        int depth = FilterOptions.NESTING_DEPTH_CEILING;
        FilterOptions options = FilterOptions.builder().maxPatternLength(100_000).maxNestingDepth(depth).build();
        ParsedPattern parsed = parseNestedOnThread(depth, options, 64 * 1024);
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.issues()).extracting(PatternIssue::message)
                .containsExactly("the pattern is nested too deeply to parse");
    }

    @Test
    void nestingLimitOptionIsBounded() {
        assertThatThrownBy(() -> FilterOptions.builder().maxNestingDepth(FilterOptions.NESTING_DEPTH_CEILING + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilterOptions.builder().maxNestingDepth(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ParsedPattern parseNestedOnThread(int depth, FilterOptions options, long stackBytes)
            throws InterruptedException {
        String deep = "{ " + "(".repeat(depth) + "$.a = 1" + ")".repeat(depth) + " }";
        ParsedPattern[] result = new ParsedPattern[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = FilterPattern.parse(deep, options);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "parser-" + stackBytes, stackBytes);
        t.start();
        t.join();
        assertThat(thrown[0]).as("nothing escapes the parser").isNull();
        return result[0];
    }

    @Test
    void noAntlrVocabularyOrConsoleOutputForAnyInvalidPattern() {
        List<String> bad = List.of("{", "{)}", "{ $.a = }", "[a = ]", "[", "]", "{ $.a IS }", "?", "-", "{$.a=1}}",
                "[a,b]]", "{ ($.a = 1 }", "{ $.a = 1 && && $.b = 2 }", "{ $.a == 1 }", "[a = = 1]", "{ $.a = \"x }",
                "{ NOT EXISTS }", "[..., ..., a]", "{ $.a = 1 || }", "\"", "%", "{ $.a = % }", "[a=1 b]");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            for (String pattern : bad) {
                ParsedPattern parsed = FilterPattern.parse(pattern);
                assertThat(parsed.isValid()).as(pattern).isFalse();
                for (PatternIssue issue : parsed.issues()) {
                    assertThat(issue.message()).as(pattern)
                            .doesNotContain("token", "mismatched", "extraneous", "viable", "<EOF>", "antlr",
                                    "SELECTOR", "LBRACE", "RBRACE", "QUOTED", "BARE", "WORD");
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aHandBuiltTreeNestedHundredThousandLevelsIsRejectedWithoutOverflowingTheStack() {
        dev.cwfilter.ast.JsonExpression leaf = new dev.cwfilter.ast.JsonTest(dev.cwfilter.ast.Selector.of("a"),
                dev.cwfilter.ast.JsonTestKind.IS_NULL);
        dev.cwfilter.ast.JsonExpression deep = leaf;
        for (int i = 0; i < 100_000; i++) {
            deep = i % 2 == 0 ? dev.cwfilter.ast.JsonAnd.of(leaf, deep) : dev.cwfilter.ast.JsonOr.of(leaf, deep);
        }
        dev.cwfilter.ast.Pattern ast = new dev.cwfilter.ast.JsonPattern(deep);
        assertThatThrownBy(() -> FilterPattern.compile(ast, FilterOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the tree nests && and || 100000 levels deep: the limit is 513 (maxNestingDepth + 1)");
        dev.cwfilter.ast.Pattern shallow = new dev.cwfilter.ast.JsonPattern(
                dev.cwfilter.ast.JsonAnd.of(leaf, dev.cwfilter.ast.JsonOr.of(leaf, leaf)));
        assertThat(FilterPattern.compile(shallow, FilterOptions.defaults()).toString())
                .isEqualTo("{ $.a IS NULL && ($.a IS NULL || $.a IS NULL) }");
    }

    @Test
    void nullPatternIsANullPointerExceptionNotAParseError() {
        assertThatThrownBy(() -> FilterPattern.compile(null)).isInstanceOf(NullPointerException.class);
    }
}
