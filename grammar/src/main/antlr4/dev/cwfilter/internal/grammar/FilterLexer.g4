// The lexer of every CloudWatch Logs filter-pattern syntax.
//
// One lexer, three modes: the default mode reads unstructured term patterns and a standalone regular expression;
// '{' switches to JSON and '[' to space-delimited until the matching '}' or ']'. Tokens are deliberately liberal
// (a TERM is any run of non-blank characters): what a term, selector or regular expression may contain is checked
// by the AST builder, which can then name the offending character and its offset instead of failing on a token
// boundary. Every mode ends in a catch-all so that the lexer itself never reports an error.
lexer grammar FilterLexer;

tokens { ERROR_CHAR }

// ---------------------------------------------------------------------------------------------------------------
// Default mode: terms, '?' and '-' prefixes, a standalone %regex%.
WS                  : [ \t\r\n]+ -> skip ;
LBRACE              : '{' -> pushMode(JSON) ;
LBRACKET            : '[' -> pushMode(DELIMITED) ;
REGEX               : '%' ~'%'* '%' ;
UNTERMINATED_REGEX  : '%' ~'%'* ;
QUOTED              : '"' ( '\\' . | ~["\\] )* '"' ;
UNTERMINATED_QUOTED : '"' ( '\\' . | ~["\\] )* '\\'? ;
QUESTION            : '?' ;
MINUS               : '-' ;
TERM                : ~[ \t\r\n"{[%?\-] ~[ \t\r\n]* ;

// ---------------------------------------------------------------------------------------------------------------
mode JSON;

J_WS                  : [ \t\r\n]+ -> skip ;
RBRACE                : '}' -> popMode ;
LPAREN                : '(' ;
RPAREN                : ')' ;
AND                   : '&&' ;
OR                    : '||' ;
EQ                    : '=' ;
NE                    : '!=' ;
LE                    : '<=' ;
GE                    : '>=' ;
LT                    : '<' ;
GT                    : '>' ;
IS                    : 'IS' ;
NOT                   : 'NOT' ;
NULL                  : 'NULL' ;
TRUE                  : 'TRUE' ;
FALSE                 : 'FALSE' ;
EXISTS                : 'EXISTS' ;
// A selector runs to the next blank or operator character; a bracket-quoted key ['...'] may hold any of those.
SELECTOR              : '$' ( '[\'' ~'\''* '\']' | ~[ \t\r\n()&|=!<>}] )* ;
J_REGEX               : '%' ~'%'* '%' -> type(REGEX) ;
J_UNTERMINATED_REGEX  : '%' ~'%'* -> type(UNTERMINATED_REGEX) ;
J_QUOTED              : '"' ( '\\' . | ~["\\] )* '"' -> type(QUOTED) ;
J_UNTERMINATED_QUOTED : '"' ( '\\' . | ~["\\] )* '\\'? -> type(UNTERMINATED_QUOTED) ;
NUMBER                : [+-]? ( [0-9]+ ( '.' [0-9]* )? | '.' [0-9]+ ) ( [eE] [+-]? [0-9]+ )? ;
// A bare (unquoted) value such as 123.123.*, kms.amazonaws.com or AccessDenied*.
BARE                  : ~[ \t\r\n()&|}"%=!<>$,] ~[ \t\r\n()&|}"=!<>,]* ;
J_ERROR_CHAR          : . -> type(ERROR_CHAR) ;

// ---------------------------------------------------------------------------------------------------------------
mode DELIMITED;

D_WS                  : [ \t\r\n]+ -> skip ;
RBRACKET              : ']' -> popMode ;
COMMA                 : ',' ;
ELLIPSIS              : '...' ;
D_AND                 : '&&' -> type(AND) ;
D_OR                  : '||' -> type(OR) ;
D_EQ                  : '=' -> type(EQ) ;
D_NE                  : '!=' -> type(NE) ;
D_LE                  : '<=' -> type(LE) ;
D_GE                  : '>=' -> type(GE) ;
D_LT                  : '<' -> type(LT) ;
D_GT                  : '>' -> type(GT) ;
D_REGEX               : '%' ~'%'* '%' -> type(REGEX) ;
D_UNTERMINATED_REGEX  : '%' ~'%'* -> type(UNTERMINATED_REGEX) ;
D_QUOTED              : '"' ( '\\' . | ~["\\] )* '"' -> type(QUOTED) ;
D_UNTERMINATED_QUOTED : '"' ( '\\' . | ~["\\] )* '\\'? -> type(UNTERMINATED_QUOTED) ;
D_NUMBER              : [+-]? ( [0-9]+ ( '.' [0-9]* )? | '.' [0-9]+ ) ( [eE] [+-]? [0-9]+ )? -> type(NUMBER) ;
// A field name (ip, status_code) or a bare value (4*, *.html*, 10.0.0.1); the parser tells them apart by position.
WORD                  : ~[ \t\r\n,\]&|=!<>"%[] ~[ \t\r\n,\]&|=!<>"[]* ;
D_ERROR_CHAR          : . -> type(ERROR_CHAR) ;
