package dev.cwfilter.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A target that prints each payload it receives, exactly, under a line naming the rule, the target and the event:
 * <pre>
 * secret-delete-or-rotate → notify-sns (arn:aws:sns:us-east-1:123456789012:security-alerts), event 7c1e…:
 *   "arn:aws:sts::123456789012:assumed-role/Admin/alice called DeleteSecret on prod/legacy/smtp-password"
 * </pre>
 * A payload with line breaks keeps them, each line indented.
 *
 * <p>Thread-safe: each delivery is printed whole, deliveries from several threads one after the other.
 */
public final class PrintingTarget implements EventTarget {

    private final Appendable out;
    private final String indent;

    private PrintingTarget(Appendable out, String indent) {
        this.out = Objects.requireNonNull(out, "out");
        this.indent = indent;
    }

    /** A target printing to {@code out} ({@code System.out}, a {@code StringBuilder}, a writer). */
    public static PrintingTarget to(Appendable out) {
        return new PrintingTarget(out, "  ");
    }

    /** The same target with its lines indented by {@code indent} more. */
    public PrintingTarget indented(String more) {
        return new PrintingTarget(out, indent + Objects.requireNonNull(more, "more"));
    }

    /**
     * Prints the delivery.
     *
     * @throws UncheckedIOException if the output fails
     */
    @Override
    public void deliver(TargetDelivery d) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent, 0, indent.length() - 2).append(d.rule().name()).append(" → ").append(d.target().id())
                .append(" (").append(d.target().arn()).append("), event ").append(d.event().id()).append(":\n");
        for (String line : d.payload().split("\n", -1)) {
            sb.append(indent).append(line).append('\n');
        }
        synchronized (out) {
            try {
                out.append(sb);
                if (out instanceof java.io.Flushable f) {
                    f.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the printing target cannot write: " + e.getMessage(), e);
            }
        }
    }
}
