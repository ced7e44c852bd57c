/**
 * The {@code cwfilter} command line: {@code java -p <jars> -m dev.cwfilter.cli/dev.cwfilter.cli.Main}, or the
 * self-contained {@code cwfilter.jar} on the classpath. An application, not a library: it exports nothing.
 */
module dev.cwfilter.cli {
    requires dev.cwfilter.core;
    requires dev.cwfilter.definitions;
    requires dev.cwfilter.events;
    requires dev.cwfilter.aws;
    requires info.picocli;
    requires com.fasterxml.jackson.core;
    // sun.misc.Signal, for Ctrl-C (CtrlC).
    requires jdk.unsupported;

    // picocli reads the commands' annotated fields and methods by reflection.
    opens dev.cwfilter.cli to info.picocli;
}
