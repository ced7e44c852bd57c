// The parser of every CloudWatch Logs filter-pattern syntax (see ../shared/spec/SEMANTICS.md sections 1-5).
//
// The grammar fixes the shape of a pattern; the AST builder checks what is inside each token (term characters,
// selector steps, the regular-expression dialect) and the limits (length, regexes, wildcards, nesting).
parser grammar FilterParser;

options { tokenVocab = FilterLexer; }

pattern
    : EOF                                   # matchAllPattern
    | REGEX EOF                             # regexPattern
    | jsonPattern EOF                       # jsonPatternTop
    | delimitedPattern EOF                  # delimitedPatternTop
    | term+ EOF                             # termPattern
    ;

// ---- unstructured terms: ERROR, "INTERNAL SERVER ERROR", ?optional, -excluded
term
    : prefix=( QUESTION | MINUS )? ( TERM | QUOTED )
    ;

// ---- JSON: { $.a = 1 && ($.b IS NULL || $.c NOT EXISTS) } with () > && > ||
jsonPattern
    : LBRACE jsonOr RBRACE
    ;

jsonOr
    : jsonAnd ( OR jsonAnd )*
    ;

jsonAnd
    : jsonPrimary ( AND jsonPrimary )*
    ;

jsonPrimary
    : LPAREN jsonOr RPAREN                          # jsonGroup
    | SELECTOR jsonCondition                        # jsonSelection
    ;

// The selector is factored out so that a mistake after it (EXISTS, IS NOT, *) is reported against the operators.
jsonCondition
    : comparisonOperator value                      # jsonComparison
    | IS test=( NULL | TRUE | FALSE )               # jsonIsTest
    | NOT EXISTS                                    # jsonNotExists
    ;

comparisonOperator
    : EQ | NE | LT | LE | GT | GE
    ;

// Keywords are ordinary bare values on the right of an operator: { $.level = NULL } compares with the text NULL.
value
    : NUMBER | QUOTED | REGEX | BARE | WORD | IS | NOT | NULL | TRUE | FALSE | EXISTS
    ;

// ---- space-delimited: [ip, user, ..., status_code = 404 || status_code = 410, bytes > 1000]
delimitedPattern
    : LBRACKET delimitedField ( COMMA delimitedField )* RBRACKET
    ;

delimitedField
    : ELLIPSIS                              # ellipsisField
    | fieldOr                               # conditionField
    | fieldName                             # plainField
    |                                       # emptyField
    ;

fieldOr
    : fieldAnd ( OR fieldAnd )*
    ;

fieldAnd
    : fieldComparison ( AND fieldComparison )*
    ;

fieldComparison
    : fieldName comparisonOperator value
    ;

fieldName
    : WORD | NUMBER
    ;
