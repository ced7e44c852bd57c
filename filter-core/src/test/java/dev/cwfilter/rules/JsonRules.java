package dev.cwfilter.rules;

import static dev.cwfilter.rules.RuleAssertions.assertAccepted;
import static dev.cwfilter.rules.RuleAssertions.assertMatch;
import static dev.cwfilter.rules.RuleAssertions.assertMatches;
import static dev.cwfilter.rules.RuleAssertions.assertNoMatch;
import static dev.cwfilter.rules.RuleAssertions.assertRejected;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON patterns, SEMANTICS.md section 4, one test per rule. */
class JsonRules {

    /** §4.3 E1, the doc sample event on one line (with the S6 flag added). */
    static final String E1 = "{\"eventType\":\"UpdateTrail\",\"sourceIPAddress\":\"111.111.111.111\","
            + "\"arrayKey\":[\"value\",\"another value\"],"
            + "\"objectList\":[{\"name\":\"a\",\"id\":1},{\"name\":\"b\",\"id\":2}],"
            + "\"SomeObject\":null,\"cluster.name\":\"c\",\"ThisFlag\":true}";

    /** §4.3 E2, the doc's user/users/actions/coordinates object. */
    static final String E2 = "{\"user\":{\"id\":1,\"email\":\"John.Stiles@example.com\"},"
            + "\"users\":[{\"id\":2,\"email\":\"John.Doe@example.com\"},{\"id\":3,\"email\":\"Jane.Doe@example.com\"}],"
            + "\"actions\":[\"GET\",\"PUT\",\"DELETE\"],\"coordinates\":[[0,1,2],[4,5,6],[7,8,9]]}";

    // §4.3 "All of these match [DOC S1/S4]" on E1.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{ $.eventType = \"UpdateTrail\" }",
            "{ $.sourceIPAddress != 123.123.* }",
            "{ $.arrayKey[0] = \"value\" }",
            "{ $.objectList[1].id = 2 }",
            "{ $.SomeObject IS NULL }",
            "{ $.SomeOtherObject NOT EXISTS }",
            "{ $.eventType = %Trail% }",
            "{ $.arrayKey[*] = %val.{2}% }",
            "{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }",
            "{ $.['cluster.name'] = \"c\" }",
            "{ $.ThisFlag IS TRUE }",
    })
    void documentedVectorsMatchTheDocEvent(String pattern) {
        assertMatches(pattern, E1);
    }

    // §4.3 compound vectors on E2 [DOC]; they also check "Precedence: () > && > ||" (§4.1).
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
            "{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") } ; true",
            "{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\" && $.actions[2] = \"nonmatch\" } ; true",
            "{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\") && $.actions[2] = \"nonmatch\" } ; false",
            "{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" } ; false",
    })
    void documentedCompoundVectors(String pattern, boolean expected) {
        assertMatch(pattern, E2, expected);
    }

    // §4.1 "Precedence: () > && > ||": a || b && c is a || (b && c), and parentheses override it.
    @Test
    void andBindsTighterThanOrAndParenthesesOverrideBoth() {
        String event = "{\"a\":1,\"b\":0,\"c\":0}";
        assertMatches("{ $.a = 1 || $.b = 1 && $.c = 1 }", event);
        assertNoMatch("{ ($.a = 1 || $.b = 1) && $.c = 1 }", event);
        assertMatches("{ $.b = 1 && $.c = 1 || $.a = 1 }", event);
        assertNoMatch("{ $.b = 1 && ($.c = 1 || $.a = 1) }", event);
        assertMatches("{ ((($.a = 1))) }", event);
    }

    // §4.1 "Whitespace is optional around operators ($.eventName=ConsoleLogin)"; CIS patterns compact and
    // multi-line [S20].
    @Test
    void compactAndMultiLineSpacingMeanTheSame() {
        String event = "{\"eventName\":\"ConsoleLogin\",\"errorMessage\":\"Failed authentication\"}";
        assertMatches("{$.eventName=ConsoleLogin}", event);
        assertMatches("{($.eventName=\"ConsoleLogin\")&&($.errorMessage=\"Failed authentication\")}", event);
        assertMatches("{$.eventName=\"ConsoleLogin\"&&$.additionalEventData.MFAUsed NOT EXISTS}", event);
        assertMatches("{\n  ($.eventName = \"ConsoleLogin\") &&\n  ($.errorMessage = \"Failed authentication\")\n}",
                event);
        assertMatches("  { $.eventName = ConsoleLogin }  ", event);
    }

    // §4.1 "Selector: starts with $ then .name segments" - nested objects.
    @Test
    void dottedSelectorWalksNestedObjects() {
        assertMatches("{ $.user.id = 1 }", E2);
        assertMatches("{ $.user.email = \"John.Stiles@example.com\" }", E2);
        assertNoMatch("{ $.user.name = \"John\" }", E2);
    }

    // §4.1 "names are alphanumeric plus - and _ ($.detail-type is valid)" [DOC].
    @Test
    void selectorNamesMayHoldHyphensAndUnderscores() {
        assertMatches("{ $.detail-type = \"AWS API Call via CloudTrail\" && $.user_name = x }",
                "{\"detail-type\":\"AWS API Call via CloudTrail\",\"user_name\":\"x\"}");
    }

    // §4.1 "array indexes [N] (0-based, must follow a property)" [DOC].
    @Test
    void indexSelectsTheArrayElementCountingFromZero() {
        assertMatches("{ $.actions[0] = \"GET\" }", E2);
        assertMatches("{ $.actions[2] = \"DELETE\" }", E2);
        assertNoMatch("{ $.actions[1] = \"GET\" }", E2);
        assertMatches("{ $.users[1].email = \"Jane.Doe@example.com\" }", E2);
    }

    // §4.1 "nesting $.coordinates[0][1] ok" [DOC].
    @Test
    void nestedIndexesSelectInsideNestedArrays() {
        assertMatches("{ $.coordinates[0][1] = 1 }", E2);
        assertMatches("{ $.coordinates[2][0] = 7 }", E2);
        assertNoMatch("{ $.coordinates[1][1] = 1 }", E2);
    }

    // §4.2 "missing key / index out of range / wrong container type -> absent".
    @Test
    void outOfRangeIndexOrWrongContainerIsAbsent() {
        assertNoMatch("{ $.actions[3] = \"GET\" }", E2);
        assertMatches("{ $.actions[3] NOT EXISTS }", E2);
        assertMatches("{ $.user[0] NOT EXISTS }", E2);
        assertMatches("{ $.actions.first NOT EXISTS }", E2);
        assertMatches("{ $.user.id.deeper NOT EXISTS }", E2);
        assertMatches("{ $.SomeObject.x NOT EXISTS }", E1);
        assertNoMatch("{ $.user.id.deeper = 1 }", E2);
    }

    // §4.1 "bracket-quoted property for names with .: $.['cluster.name'] (single quotes)" [DOC].
    @Test
    void bracketQuotedKeySelectsANameWithADot() {
        String event = "{\"cluster.name\":\"c\",\"cluster\":{\"name\":\"nested\"}}";
        assertMatches("{ $.['cluster.name'] = \"c\" }", event);
        assertMatches("{ $.cluster.name = \"nested\" }", event);
        assertNoMatch("{ $.['cluster.name'] = \"nested\" }", event);
        assertMatches("{ $.cluster.name NOT EXISTS }", "{\"cluster.name\":\"c\"}");
    }

    // §4.1 "Wildcard selector * selects ... any object field: $.*" [DOC]; §4.2 existential.
    @Test
    void starSelectorSelectsAnyFieldOfAnObject() {
        assertMatches("{ $.* = \"111.111.111.111\" }", E1);
        assertNoMatch("{ $.* = \"222.222.222.222\" }", E1);
        assertMatches("{ $.user.* = \"John.Stiles@example.com\" }", E2);
    }

    // §4.1 "Wildcard selector * selects any array element: $.arrayKey[*]" [DOC]; §4.2 "existential - the
    // comparison holds if it holds for at least one selected element".
    @Test
    void wildcardSelectorIsExistential() {
        assertMatches("{ $.arrayKey[*] = \"another value\" }", E1);
        assertNoMatch("{ $.arrayKey[*] = \"third value\" }", E1);
        assertMatches("{ $.objectList[*].id = 2 }", E1);
        assertNoMatch("{ $.objectList[*].id = 3 }", E1);
        assertMatches("{ $.objectList[*].name = \"b\" }", E1);
        assertMatches("{ $.users[*].id > 2 }", E2);
        assertMatches("{ $.* IS NULL }", E1);
        assertMatches("{ $.v[*] IS NULL }", "{\"v\":[1,null]}");
        assertNoMatch("{ $.users[*].id > 3 }", E2);
    }

    // §4.2 a wildcard that selects nothing (empty array) selects no value, so no comparison holds.
    @Test
    void wildcardOverEmptyContainerSelectsNothing() {
        assertNoMatch("{ $.tags[*] = * }", "{\"tags\":[]}");
        assertMatches("{ $.tags[*] NOT EXISTS }", "{\"tags\":[]}");
    }

    // §11 U6 "!= with wildcard selector: Existential over selected values".
    @Test
    void wildcardNotEqualsIsExistential() {
        assertMatches("{ $.tags[*] != \"a\" }", "{\"tags\":[\"a\",\"b\"]}");
        assertNoMatch("{ $.tags[*] != \"a\" }", "{\"tags\":[\"a\",\"a\"]}");
        assertNoMatch("{ $.tags[*] != \"a\" }", "{\"tags\":[]}");
        assertMatches("{ $.* != \"x\" }", "{\"a\":\"x\",\"b\":\"y\"}");
        assertNoMatch("{ $.* != \"x\" }", "{\"a\":\"x\",\"b\":\"x\"}");
    }

    // §4.2 "String comparison =/!=: exact, case-sensitive" [DOC].
    @Test
    void stringEqualsIsExactAndCaseSensitive() {
        assertMatches("{ $.eventType = \"UpdateTrail\" }", E1);
        assertNoMatch("{ $.eventType = \"updatetrail\" }", E1);
        assertNoMatch("{ $.eventType = \"Update\" }", E1);
        assertNoMatch("{ $.eventType = \"UpdateTrailX\" }", E1);
    }

    // §4.2 "String comparison =/!=: exact, case-sensitive" - != is its negation on a present scalar.
    @Test
    void stringNotEqualsHoldsForADifferentValue() {
        assertMatches("{ $.eventType != \"updatetrail\" }", E1);
        assertNoMatch("{ $.eventType != \"UpdateTrail\" }", E1);
    }

    // §4.1 "Quoted strings: "..." with \" / \\ escapes (same as terms)" [S19]; JSON escapes in the event decode.
    @Test
    void quotedValueEscapesCompareWithTheDecodedJsonString() {
        assertMatches("{ $.msg = \"say \\\"hi\\\"\" }", "{\"msg\":\"say \\\"hi\\\"\"}");
        assertMatches("{ $.path = \"C:\\\\temp\" }", "{\"path\":\"C:\\\\temp\"}");
        assertMatches("{ $.name = \"café\" }", "{\"name\":\"caf\\u00e9\"}");
    }

    // §4.1 "Bare strings ... AWS's own examples use bare values containing . and *" [DOC S1, S20].
    @Test
    void bareValuesMayHoldDotsAndHyphens() {
        assertMatches("{ $.eventSource = kms.amazonaws.com }", "{\"eventSource\":\"kms.amazonaws.com\"}");
        assertNoMatch("{ $.eventSource = kms.amazonaws.com }", "{\"eventSource\":\"s3.amazonaws.com\"}");
        assertMatches("{ $.errorCode = Access-Denied }", "{\"errorCode\":\"Access-Denied\"}");
        assertMatches("{ $.sourceIPAddress = 111.111.* }", E1);
        assertNoMatch("{ $.sourceIPAddress = 123.123.* }", E1);
    }

    // §4.2 "*Event suffix, Event* prefix" wildcards [DOC, CIS "*UnauthorizedOperation", "AccessDenied*"].
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "\"*UnauthorizedOperation\" | Client.UnauthorizedOperation  | true",
            "\"*UnauthorizedOperation\" | UnauthorizedOperation.Client  | false",
            "\"*UnauthorizedOperation\" | UnauthorizedOperation         | true",
            "\"AccessDenied*\"          | AccessDeniedException         | true",
            "\"AccessDenied*\"          | Client.AccessDenied           | false",
            "AccessDenied*              | AccessDenied                  | true",
            "\"*sso.amazonaws.com*\"    | x.sso.amazonaws.com.y         | true",
            "\"*sso.amazonaws.com*\"    | sso.amazonaws.co              | false",
    })
    void leadingAndTrailingAsterisksAreWildcards(String value, String text, boolean expected) {
        assertMatch("{ $.v = " + value + " }", "{\"v\":\"" + text + "\"}", expected);
    }

    // §4.2 [OLD-DOC S6] "Ev*ent will only match the actual string Ev*ent" - a middle * is literal (U7).
    @Test
    void middleAsteriskIsLiteral() {
        assertMatches("{ $.v = \"Ev*ent\" }", "{\"v\":\"Ev*ent\"}");
        assertNoMatch("{ $.v = \"Ev*ent\" }", "{\"v\":\"Event\"}");
        assertNoMatch("{ $.v = \"Ev*ent\" }", "{\"v\":\"EvXYent\"}");
        assertNoMatch("{ $.v = Ev*ent }", "{\"v\":\"EvXYent\"}");
        assertMatches("{ $.v = \"*a*b*\" }", "{\"v\":\"xa*by\"}");
        assertNoMatch("{ $.v = \"*a*b*\" }", "{\"v\":\"xaZby\"}");
    }

    // §4.2 "A lone * (bare = * or quoted = "*") matches any present scalar value" [S19, S6b].
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ $.f = * }", "{ $.f = \"*\" }"})
    void loneAsteriskMatchesAnyPresentScalar(String pattern) {
        assertMatches(pattern, "{\"f\":\"text\"}");
        assertMatches(pattern, "{\"f\":\"\"}");
        assertMatches(pattern, "{\"f\":50}");
        assertNoMatch(pattern, "{\"g\":\"text\"}");
    }

    // O4 [OBSERVED, obs-o4-6/7] (corrects U8 for booleans): = * holds for a string (the empty one too) and a number,
    // never for a boolean or a null.
    @Test
    void loneAsteriskMatchesNeitherBooleansNorNull() {
        assertNoMatch("{ $.f = * }", "{\"f\":true}");
        assertNoMatch("{ $.f = * }", "{\"f\":false}");
        assertNoMatch("{ $.f = * }", "{\"f\":null}");
        assertNoMatch("{ $.f = \"*\" }", "{\"f\":null}");
        assertNoMatch("{ $.f = \"*\" }", "{\"f\":true}");
        assertMatches("{ $.f = * }", "{\"f\":\"\"}");
        assertMatches("{ $.f = * }", "{\"f\":0}");
    }

    // §4.2 "when the pattern value is a number, compare numerically" [DOC { $.errorCode = 400}].
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "= 400     | 400     | true",
            "= 400     | 401     | false",
            "= 400     | 400.0   | true",
            "= 400     | 4e2     | true",
            "!= 400    | 401     | true",
            "!= 400    | 400     | false",
            "= 55.5    | 55.5    | true",
            "= 55.5    | 55.50   | true",
            "= -3      | -3      | true",
            "= -3      | 3       | false",
            "= 1e+3    | 1000    | true",
            "= 10e-3   | 0.01    | true",
            "= +1000   | 1000    | true",
            "= 0       | -0      | true",
    })
    void numbersCompareByValue(String comparison, String json, boolean expected) {
        assertMatch("{ $.n " + comparison + " }", "{\"n\":" + json + "}", expected);
    }

    // §4.1 "comparison := selector op value; op := = != < <= > >=" with numbers compared numerically.
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "< 60   | 59     | true",
            "< 60   | 60     | false",
            "<= 60  | 60     | true",
            "<= 60  | 60.5   | false",
            "> 60   | 61     | true",
            "> 60   | 60     | false",
            ">= 60  | 60     | true",
            ">= 60  | 59.9   | false",
            "> -1   | 0      | true",
            "< -1   | -1.5   | true",
            "> 1e3  | 1001   | true",
            "> 9    | 10     | true",
            "< 9.5  | 10     | false",
    })
    void orderingOperatorsCompareNumerically(String comparison, String json, boolean expected) {
        assertMatch("{ $.n " + comparison + " }", "{\"n\":" + json + "}", expected);
    }

    // O2 [OBSERVED, obs-o2-*] (corrects U5): a JSON string is never compared as a number. = is text equality with the
    // number as the pattern writes it, != its exact negation, and no ordering holds, numeric text or not.
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "> 399   | \"400\"    | false",
            "< 399   | \"400\"    | false",
            "<= 100  | \"5\"      | false",
            ">= 10.5 | \"10.5\"   | false",
            "> 5     | \"abc\"    | false",
            "< 5     | \"abc\"    | false",
            "= 400   | \"400\"    | true",
            "= 400   | \"400.0\"  | false",
            "= 400   | \"4e2\"    | false",
            "= 400   | \"400a\"   | false",
            "= 400   | \" 400\"   | false",
            "= 1e+0  | \"1\"      | false",
            "= 1e+0  | \"1e+0\"   | true",
            "= +5    | \"+5\"     | true",
            "= +5    | \"5\"      | false",
            "!= 400  | \"400\"    | false",
            "!= 400  | \"401\"    | true",
            "!= 400  | \"400.0\"  | true",
            "!= 1    | \"10\"     | true",
            "!= 1    | \"Alpha\"  | true",
    })
    void aJsonStringIsNeverComparedAsANumber(String comparison, String json, boolean expected) {
        assertMatch("{ $.n " + comparison + " }", "{\"n\":" + json + "}", expected);
    }

    // §4.2 "Numeric comparison" - booleans, null and non-numeric strings are not numbers: no ordering holds.
    @Test
    void orderingNeverHoldsForNonNumbers() {
        assertNoMatch("{ $.n > 0 }", "{\"n\":true}");
        assertNoMatch("{ $.n < 1 }", "{\"n\":null}");
        assertNoMatch("{ $.n >= 0 }", "{\"n\":\"\"}");
        assertNoMatch("{ $.n = 1 }", "{\"n\":true}");
    }

    // O2 [OBSERVED] keeps U5's other half: = "text" compares with a JSON number's text as the event writes it.
    @Test
    void quotedStringComparesWithTheTextOfAJsonNumber() {
        assertMatches("{ $.code = \"400\" }", "{\"code\":400}");
        assertNoMatch("{ $.code = \"401\" }", "{\"code\":400}");
        assertMatches("{ $.code != \"401\" }", "{\"code\":400}");
        assertNoMatch("{ $.v = \"1\" }", "{\"v\":1.0}");
        assertNoMatch("{ $.v = \"1\" }", "{\"v\":1e0}");
        assertMatches("{ $.v = \"1.0\" }", "{\"v\":1.0}");
    }

    // O4 [OBSERVED, obs-o4-*] (corrects U8 and the rule that != matches null): a null or a boolean satisfies no
    // comparison, whatever the operator and the value, as an absent field, an object or an array does.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"= 1", "!= 1", "< 1", "<= 1", "> 1", ">= 1", "= \"Alpha\"", "!= \"Alpha\"",
            "= \"root\"", "!= \"root\"", "= *", "!= *", "= \"*\"", "= true", "!= true", "= false", "!= false",
            "= %.%", "!= %x%", "= \"null\"", "!= \"null\"", "= NULL"})
    void nullAndBooleansSatisfyNoComparison(String comparison) {
        for (String value : List.of("null", "true", "false")) {
            assertNoMatch("{ $.v " + comparison + " }", "{\"v\":" + value + "}");
        }
    }

    // O4 [OBSERVED, obs-o4-1/2]: the bare word true in a pattern is text: it matches the string "true", never the
    // boolean; the same for false.
    @Test
    void bareTrueAndFalseAreTextMatchingTheStrings() {
        assertMatches("{ $.enabled = true }", "{\"enabled\":\"true\"}");
        assertNoMatch("{ $.enabled = true }", "{\"enabled\":true}");
        assertMatches("{ $.enabled = false }", "{\"enabled\":\"false\"}");
        assertNoMatch("{ $.enabled = false }", "{\"enabled\":false}");
        assertMatches("{ $.enabled != true }", "{\"enabled\":\"yes\"}");
        assertNoMatch("{ $.enabled != true }", "{\"enabled\":false}");
        assertMatches("{ $.enabled = tr* }", "{\"enabled\":\"true\"}");
        assertNoMatch("{ $.enabled = tr* }", "{\"enabled\":true}");
    }

    // §4.2 "Use the asterisk as a wild card to match numbers" [DOC S1]; "a pattern value containing * is always
    // a string/wildcard comparison against the scalar's text".
    @Test
    void asteriskValueMatchesTheTextOfANumber() {
        assertMatches("{ $.code = 4* }", "{\"code\":404}");
        assertNoMatch("{ $.code = 4* }", "{\"code\":500}");
        assertMatches("{ $.code = *04 }", "{\"code\":404}");
    }

    // §4.2 "IS NULL: true only if the field exists with JSON null" [DOC].
    @Test
    void isNullHoldsOnlyForAPresentJsonNull() {
        assertMatches("{ $.SomeObject IS NULL }", E1);
        assertNoMatch("{ $.Missing IS NULL }", E1);
        assertNoMatch("{ $.v IS NULL }", "{\"v\":\"null\"}");
        assertNoMatch("{ $.v IS NULL }", "{\"v\":0}");
        assertNoMatch("{ $.v IS NULL }", "{\"v\":{}}");
        assertNoMatch("{ $.v IS NULL }", "{\"v\":[]}");
    }

    // O5 [OBSERVED, obs-o5-*]: IS NULL also holds for an array with a null directly inside it, and nothing broader: not
    // an empty array, an array without a null, a null deeper in the array, nor an object holding a null.
    @Test
    void isNullHoldsForAnArrayDirectlyHoldingANull() {
        assertMatches("{ $.v IS NULL }", "{\"v\":[1,\"Alpha\",null]}");
        assertMatches("{ $.v IS NULL }", "{\"v\":[null]}");
        assertMatches("{ $.v IS NULL }", "{\"v\":[[1],{\"a\":2},null]}");
        assertNoMatch("{ $.v IS NULL }", "{\"v\":[1,\"Alpha\"]}");
        assertNoMatch("{ $.v IS NULL }", "{\"v\":[\"null\"]}");
        assertNoMatch("{ $.v IS NULL }", "{\"v\":[[null]]}");
        assertNoMatch("{ $.v IS NULL }", "{\"v\":[{\"a\":null}]}");
        assertNoMatch("{ $.v IS NULL }", "{\"v\":{\"a\":null}}");
        // Beside selectors into the same array, and under a wildcard.
        assertMatches("{ $.v IS NULL && $.v[0] = 1 }", "{\"v\":[1,null]}");
        assertMatches("{ $.v[1] IS NULL && $.v IS NULL }", "{\"v\":[1,null]}");
        assertNoMatch("{ $.v IS NULL || $.v[0] = 2 }", "{\"v\":[1,[null]]}");
        assertMatches("{ $.* IS NULL }", "{\"a\":1,\"v\":[2,null]}");
        assertMatches("{ $.arr[*].tags IS NULL }", "{\"arr\":[{\"tags\":[]},{\"tags\":[\"x\",null]}]}");
        assertNoMatch("{ $.arr[*].tags IS NULL }", "{\"arr\":[{\"tags\":[]},{\"tags\":[\"x\"]}]}");
        assertNoMatch("{ $.v IS TRUE }", "{\"v\":[true]}");
        assertNoMatch("{ $.v NOT EXISTS }", "{\"v\":[null]}");
    }

    // O5 [OBSERVED]: comparisons still never look inside an array, with a null in it or not.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ $.v = \"Alpha\" }", "{ $.v = 1 }", "{ $.v != 1 }", "{ $.v = * }", "{ $.v != \"x\" }"})
    void comparisonsDoNotLookInsideAnArrayHoldingNull(String pattern) {
        assertNoMatch(pattern, "{\"v\":[1,\"Alpha\",null]}");
    }

    // §4.2 "NOT EXISTS: true only if absent" [DOC].
    @Test
    void notExistsHoldsOnlyForAnAbsentField() {
        assertMatches("{ $.SomeOtherObject NOT EXISTS }", E1);
        assertNoMatch("{ $.eventType NOT EXISTS }", E1);
        assertNoMatch("{ $.v NOT EXISTS }", "{\"v\":{}}");
        assertNoMatch("{ $.v NOT EXISTS }", "{\"v\":[]}");
        assertNoMatch("{ $.v NOT EXISTS }", "{\"v\":false}");
        assertNoMatch("{ $.v NOT EXISTS }", "{\"v\":\"\"}");
    }

    // §4.2 "UNCERTAIN: NOT EXISTS on a present-but-null field (recommend false)".
    @Test
    void notExistsIsFalseForAPresentNull() {
        assertNoMatch("{ $.SomeObject NOT EXISTS }", E1);
    }

    // §4.2 "IS TRUE/IS FALSE: JSON boolean equality"; "IS TRUE on string "true" (recommend false)" [DOC/S6].
    @Test
    void isTrueAndIsFalseHoldOnlyForJsonBooleans() {
        assertMatches("{ $.f IS TRUE }", "{\"f\":true}");
        assertNoMatch("{ $.f IS FALSE }", "{\"f\":true}");
        assertMatches("{ $.f IS FALSE }", "{\"f\":false}");
        assertNoMatch("{ $.f IS TRUE }", "{\"f\":false}");
        assertNoMatch("{ $.f IS TRUE }", "{\"f\":\"true\"}");
        assertNoMatch("{ $.f IS FALSE }", "{\"f\":\"false\"}");
        assertNoMatch("{ $.f IS TRUE }", "{\"f\":1}");
        assertNoMatch("{ $.f IS FALSE }", "{\"f\":null}");
        assertNoMatch("{ $.f IS TRUE }", "{\"g\":true}");
    }

    // §4.2 "Non-scalar target: ... both = and != fail ({"users":[1,2,3]}: {$.users = 1} and {$.users != 1} both
    // false)" [OLD-DOC S6, DOC S1].
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ $.users = 1 }", "{ $.users != 1 }", "{ $.users = \"1\" }", "{ $.users != \"x\" }",
            "{ $.users = * }", "{ $.users > 0 }", "{ $.users = %1% }", "{ $.users != %x% }"})
    void arraysNeverMatchComparisons(String pattern) {
        assertNoMatch(pattern, "{\"users\":[1,2,3]}");
    }

    // §4.2 "if the selector points to an object or array, comparisons do not match - both = and != fail".
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ $.user = 1 }", "{ $.user != 1 }", "{ $.user != \"x\" }", "{ $.user = * }",
            "{ $.user = %id% }"})
    void objectsNeverMatchComparisons(String pattern) {
        assertNoMatch(pattern, E2);
    }

    // §4.2 "Absent field: every comparison is false, including !=" [EMPIRICAL DataBiosphere/azul#5884].
    @Test
    void absentFieldFailsNotEquals() {
        String event = "{\"errorCode\": \"AccessDenied\", \"userIdentity\": {\"accountId\": \"anonymous\"}}";
        assertNoMatch("{($.errorCode = \"AccessDenied\") && ($.userIdentity.invokedBy != \"cloudfront.amazonaws.com\")}",
                event);
        assertNoMatch("{ $.missing != 5 }", event);
        assertNoMatch("{ $.missing != %x% }", event);
        assertNoMatch("{ $.missing < 5 }", event);
        assertMatches("{ $.userIdentity.invokedBy != \"cloudfront.amazonaws.com\""
                + " || $.userIdentity.invokedBy NOT EXISTS }", event);
    }

    // §4.2 "The event message must parse as JSON; otherwise no match (no error)" [INFERRED; E4]; "require the whole
    // message (trimmed) to be a JSON value" (U4). NOT EXISTS would hold on any object, so only the parse decides.
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "plain text, not JSON",
            "{\"a\":\"x\"",
            "{\"a\":\"x\",}",
            "{\"a\":\"x\"}{\"a\":\"x\"}",
            "{\"a\":\"x\"} trailing text",
            "2024-01-01T00:00:00.000Z\tabc-123\tINFO\t{\"a\":\"x\"}",
            "[{\"a\":\"x\"}]",
            "\"x\"",
            "42",
            "null",
            "",
            "   ",
            "{a:\"x\"}",
            "{'a':'x'}",
    })
    void messagesThatAreNotOneJsonObjectNeverMatch(String event) {
        assertNoMatch("{ $.a = \"x\" }", event);
        assertNoMatch("{ $.b NOT EXISTS }", event);
        assertNoMatch("{ $.a = \"x\" || $.b NOT EXISTS }", event);
    }

    // §4.2 "require the whole message (trimmed) to be a JSON value": surrounding whitespace is allowed.
    @Test
    void whitespaceAroundTheJsonIsIgnored() {
        assertMatches("{ $.a = \"x\" }", "  {\"a\":\"x\"}\n");
        assertMatches("{ $.a = \"x\" }", "{\n  \"a\" : \"x\"\n}");
    }

    // §11 U4 "JSON pattern on message with text prefix: No match; flag lenientJsonPrefix" ("parse from first {").
    @Test
    void textPrefixMatchesOnlyWithLenientJsonPrefix() {
        String lambda = "2024-01-01T00:00:00.000Z\tabc-123\tINFO\t{\"a\":\"x\",\"n\":5}";
        FilterOptions lenient = FilterOptions.builder().lenientJsonPrefix(true).build();
        assertNoMatch("{ $.a = \"x\" }", lambda);
        assertMatches("{ $.a = \"x\" && $.n > 4 }", lenient, lambda);
        assertNoMatch("{ $.a = \"y\" }", lenient, lambda);
        assertNoMatch("{ $.a = \"x\" }", lenient, "no json here at all");
        assertMatches("{ $.a = \"x\" }", lenient, "{\"a\":\"x\"}");
    }

    // O3 [OBSERVED, obs-o3-*]: a repeated key's last value is the value, for plain selectors and wildcards alike
    // (more in DuplicateKeyExamplesTest).
    @Test
    void aRepeatedKeysLastValueIsTheValue() {
        String event = "{\"a\":\"first\",\"a\":\"second\"}";
        assertNoMatch("{ $.a = \"first\" }", event);
        assertMatches("{ $.a = \"second\" }", event);
        assertMatches("{ $.* = \"second\" }", event);
        assertNoMatch("{ $.* = \"first\" }", event);
        assertNoMatch("{ $.level = \"ERROR\" }", "{\"level\":\"ERROR\",\"msg\":\"x\",\"level\":\"INFO\"}");
        assertMatches("{ $.level = \"ERROR\" }", "{\"level\":\"INFO\",\"level\":\"ERROR\"}");
        assertNoMatch("{ $.code > 5 }", "{\"code\":9,\"code\":1}");
        assertNoMatch("{ $.user.name = \"bob\" }", "{\"user\":{\"name\":\"bob\",\"name\":\"eve\"}}");
    }

    // FilterPattern/FilterOptions: an event nested deeper than maxEventNestingDepth matches no JSON pattern, and no
    // exception escapes.
    @Test
    void eventNestedDeeperThanTheLimitNeverMatches() {
        FilterOptions shallow = FilterOptions.builder().maxEventNestingDepth(10).build();
        String deep = "{\"a\":1,\"d\":" + "[".repeat(20) + "1" + "]".repeat(20) + "}";
        String fine = "{\"a\":1,\"d\":" + "[".repeat(5) + "1" + "]".repeat(5) + "}";
        assertNoMatch("{ $.a = 1 }", shallow, deep);
        assertNoMatch("{ $.b NOT EXISTS }", shallow, deep);
        assertMatches("{ $.a = 1 }", shallow, fine);
    }

    // FilterPattern: "Matching never throws for any message"; a default-limit event far deeper than the JVM stack
    // allows recursion for still just does not match.
    @Test
    void veryDeepEventDoesNotMatchAndDoesNotThrow() {
        String deep = "{\"a\":1,\"d\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertNoMatch("{ $.a = 1 }", deep);
        String deepObjects = "{\"a\":1,\"d\":" + "{\"x\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}";
        assertNoMatch("{ $.a = 1 }", deepObjects);
    }

    // FilterOptions.maxEventBytes: "The largest event evaluated, in bytes of UTF-8; a larger event matches nothing".
    @Test
    void eventLargerThanMaxEventBytesNeverMatches() {
        FilterOptions small = FilterOptions.builder().maxEventBytes(100).build();
        String prefix = "{\"a\":\"x\",\"pad\":\"";
        String exactly = prefix + "p".repeat(100 - prefix.length() - 2) + "\"}";
        String over = prefix + "p".repeat(101 - prefix.length() - 2) + "\"}";
        String overInUtf8 = prefix + "é".repeat(45) + "\"}";
        assertMatches("{ $.a = \"x\" }", small, exactly);
        assertNoMatch("{ $.a = \"x\" }", small, over);
        assertNoMatch("{ $.a = \"x\" }", small, overInUtf8);
        assertNoMatch("ERROR", small, "ERROR " + "x".repeat(100));
        String mib = "{\"a\":\"x\",\"pad\":\"" + "p".repeat(FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES - 18) + "\"}";
        assertMatches("{ $.a = \"x\" }", mib);
        assertNoMatch("{ $.a = \"x\" }", mib + " ");
    }

    // §4.1 Invalid: selector without $ [E1], double-quoted key $."sc-status" [E6]; IS NOT, EXISTS without NOT
    // [DOC]; comma as a separator [E6]; §10.8 IS NOT NULL.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{ status = \"401\" }",
            "{ $.\"sc-status\" = 401 }",
            "{ $.a IS NOT NULL }",
            "{ $.a IS NOT TRUE }",
            "{ $.a EXISTS }",
            "{ $.a = 1, $.b = 2 }",
            "{ $.a = }",
            "{ $.a = 1 && }",
            "{ ($.a = 1 }",
            "{ $.a == 1 }",
            "{ $[0] = 1 }",
            "{ }",
    })
    void invalidJsonPatternsAreRejected(String pattern) {
        assertRejected(pattern);
    }

    // §4.1 "Quotas: <=1 wildcard per selector, <=3 wildcard selectors per (compound) pattern" [DOC].
    @Test
    void wildcardQuotasAreEnforced() {
        assertAccepted("{ $.a[*].b = 1 && $.c.* = 2 && $.d[*] = 3 }");
        assertRejected("{ $.a[*].b[*] = 1 }");
        assertRejected("{ $.*.b[*] = 1 }");
        assertRejected("{ $.a[*] = 1 && $.b[*] = 2 && $.c[*] = 3 && $.d[*] = 4 }");
    }

    // §11 U20 "Indexes must fit a signed 32-bit integer; larger -> invalid pattern".
    @Test
    void arrayIndexMustFitASigned32BitInteger() {
        assertAccepted("{ $.a[2147483647] = 1 }");
        assertRejected("{ $.a[2147483648] = 1 }");
        assertRejected("{ $.a[99999999999999999999] = 1 }");
    }

    // §4.2 "Selector resolution: walk objects/arrays" from the root: a key of the same name deeper down is not it.
    @Test
    void selectorIsResolvedFromTheRootOnly() {
        String event = "{\"b\":{\"a\":\"no\"},\"a\":\"yes\"}";
        assertMatches("{ $.a = \"yes\" }", event);
        assertNoMatch("{ $.a = \"no\" }", event);
        assertNoMatch("{ $.* = \"no\" }", event);
        assertMatches("{ $.b.a = \"no\" }", event);
    }

    // §4.2 string values compare with the decoded JSON text; keys are decoded too.
    @Test
    void escapedJsonKeysAndValuesAreDecoded() {
        assertMatches("{ $.a = \"x\\\"y\" }", "{\"a\":\"x\\u0022y\"}");
        assertMatches("{ $.ab = \"v\" }", "{\"\\u0061b\":\"v\"}");
        // The raw text lacks "GetSecretValue": a prefilter that scanned for it would wrongly reject the event.
        assertMatches("{ $.eventName = \"GetSecretValue\" }", "{\"eventName\":\"GetSecret\\u0056alue\"}");
        assertMatches("{ $.a = \"line1\nline2\" }", "{\"a\":\"line1\\nline2\"}");
    }

    // §4.2 "String comparison =/!=: exact": the empty string equals only the empty string.
    @Test
    void emptyQuotedStringMatchesOnlyTheEmptyString() {
        assertMatches("{ $.a = \"\" }", "{\"a\":\"\"}");
        assertNoMatch("{ $.a = \"\" }", "{\"a\":\"x\"}");
        assertNoMatch("{ $.a = \"\" }", "{\"b\":\"\"}");
    }

    // O3 [OBSERVED]: a repeated key replaces an object with everything in it, and a scalar with an object.
    @Test
    void aRepeatedKeyReplacesAnObjectWithEverythingInIt() {
        String event = "{\"a\":{\"x\":1},\"a\":\"s\"}";
        assertMatches("{ $.a = \"s\" }", event);
        assertNoMatch("{ $.a.x = 1 }", event);
        assertMatches("{ $.a.x NOT EXISTS }", event);
        String back = "{\"a\":\"s\",\"a\":{\"x\":1}}";
        assertNoMatch("{ $.a = \"s\" }", back);
        assertMatches("{ $.a.x = 1 }", back);
    }

    // §4.2 "JSON pattern never match non-JSON": a valid object with an invalid tail is still malformed, even after
    // the pattern is decided.
    @Test
    void malformedTailAfterTheDecidingFieldStillFails() {
        assertNoMatch("{ $.a = \"x\" }", "{\"a\":\"x\",\"b\":[1,2}");
        assertNoMatch("{ $.a = \"x\" }", "{\"a\":\"x\",\"b\":tru}");
        assertNoMatch("{ $.a = \"x\" || $.b = 1 }", "{\"a\":\"x\",\"b\":\"unterminated}");
    }

    // FilterPattern#matches(byte[], int, int): "the same answer as matches(String) for the decoded text" - bytes
    // that are not valid UTF-8 decode to U+FFFD, which is valid inside a JSON string.
    @Test
    void invalidUtf8InAJsonStringIsAnsweredAsItsDecodedText() {
        byte[] bytes = "{\"a\":\"x\",\"b\":\"?\"}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xFF;
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        SoftAssertions softly = new SoftAssertions();
        for (String pattern : new String[] {"{ $.a = \"x\" }", "{ $.b = \"\uFFFD\" }", "{ $.c NOT EXISTS }"}) {
            FilterPattern compiled = FilterPattern.compile(pattern);
            softly.assertThat(compiled.matches(decoded)).as("String path of %s", pattern).isTrue();
            softly.assertThat(compiled.matches(bytes, 0, bytes.length))
                    .as("UTF-8 path of %s on bytes %s", pattern, Arrays.toString(bytes)).isTrue();
        }
        softly.assertAll();
    }
}
