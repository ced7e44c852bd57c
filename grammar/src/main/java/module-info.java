/**
 * The generated ANTLR lexer and parser of the filter-pattern grammar. Never used on its own: filter-core copies it,
 * with the ANTLR runtime, into its own jar under {@code dev.cwfilter.internal.shaded} and drops this descriptor. It
 * exists so that filter-core, a named module, can read the parser while it is being compiled. (The export is not
 * qualified to {@code dev.cwfilter.core} only because that module does not exist yet when this one is compiled.)
 */
module dev.cwfilter.grammar {
    requires org.antlr.antlr4.runtime;

    exports dev.cwfilter.internal.grammar;
}
