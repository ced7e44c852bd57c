package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.PatternIssue;
import java.io.PrintWriter;

/**
 * Prints the warnings of a valid pattern on standard error, each with the caret excerpt, such as a {@code ?} term
 * that CloudWatch ignores beside plain terms. The command goes on: the pattern is valid, and it matches as CloudWatch
 * matches it.
 */
final class PatternWarnings {

    private PatternWarnings() {
    }

    /** Prints {@code pattern}'s warnings under {@code options} on {@code err}; nothing for none or a null pattern. */
    static void print(PrintWriter err, String pattern, FilterOptions options) {
        print(err, "", pattern, options);
    }

    /**
     * Prints {@code pattern}'s warnings under {@code options} on {@code err}, each after {@code whose} (such as
     * {@code "metric filter 'Errors' (filters.json line 3): "}, or "" for the pattern of the command line).
     */
    static void print(PrintWriter err, String whose, String pattern, FilterOptions options) {
        if (pattern == null) {
            return;
        }
        for (PatternIssue warning : FilterPattern.parse(pattern, options).warnings()) {
            err.println("cwfilter: " + whose + warning.describe());
            err.println(warning.excerpt(pattern));
        }
        err.flush();
    }
}
