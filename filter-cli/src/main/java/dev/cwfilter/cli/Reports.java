package dev.cwfilter.cli;

import dev.cwfilter.cli.input.EventSource;
import java.io.PrintWriter;

/** The end-of-run report on standard error that every command reading inputs prints, and its exit code. */
final class Reports {

    private Reports() {
    }

    /**
     * Prints the inputs that could not be read and the bad events, one line each.
     *
     * @return {@link ExitCodes#IO_ERROR} if an input could not be read, {@link ExitCodes#OK} otherwise
     */
    static int print(PrintWriter err, EventSource source, int maxEventBytes, String noTimestampWhat) {
        for (String error : source.errors()) {
            err.println("cwfilter: " + error);
        }
        for (String line : source.badEvents().report(maxEventBytes, noTimestampWhat)) {
            err.println(line);
        }
        err.flush();
        return source.errors().isEmpty() ? ExitCodes.OK : ExitCodes.IO_ERROR;
    }
}
