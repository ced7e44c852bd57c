/**
 * cwfilter's core: CloudWatch Logs filter patterns, metric filters, metric statistics and alarms.
 *
 * <p>Exports the API packages only. Everything under {@code dev.cwfilter.internal} (the parser, the compiler, the
 * evaluator, the statistics engine, and the ANTLR runtime and generated parser relocated under
 * {@code dev.cwfilter.internal.shaded}) stays inside the module.
 *
 * <p>The grammar and the ANTLR runtime are {@code requires static}: they are needed to compile this module, and the
 * published jar carries both, relocated into its own packages, so nothing is required of them at run time.
 */
module dev.cwfilter.core {
    requires com.fasterxml.jackson.core;
    // sketches-java declares no module name: this is the name Java derives from its jar, sketches-java-<version>.jar.
    requires sketches.java;

    requires static dev.cwfilter.grammar;
    requires static org.antlr.antlr4.runtime;

    exports dev.cwfilter;
    exports dev.cwfilter.ast;
    exports dev.cwfilter.io;
    exports dev.cwfilter.live;
    exports dev.cwfilter.metric;
}
