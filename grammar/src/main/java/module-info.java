/**
 * The generated ANTLR lexer and parser of the filter-pattern grammar. Never used on its own: filter-core copies it,
 * with the ANTLR runtime, into its own jar under {@code dev.cwfilter.internal.shaded}, where this descriptor is
 * dropped. It exists so that filter-core, a named module, can read the parser while it is being compiled.
 */
module dev.cwfilter.grammar {
    requires transitive org.antlr.antlr4.runtime;

    exports dev.cwfilter.internal.grammar to dev.cwfilter.core;
}
