package dev.cwfilter.events;

/**
 * Receives what EventBridge sends to a rule's target: the listener side of {@link EventRouter}. A printing target
 * ({@link PrintingTarget}) shows each payload; a target that publishes to AWS (an SNS topic through an outbox that
 * retries and reports failures) takes the payload as its message and the target's ARN as its destination.
 *
 * <p>{@link #deliver} is called on the thread that routes the event, in the order of the rules and of their targets;
 * an implementation that talks to a network should hand the delivery to its own queue and return. An implementation
 * shared by several routing threads must be thread-safe.
 */
@FunctionalInterface
public interface EventTarget {

    /**
     * Takes one delivery.
     *
     * @param delivery the rule, the target, the event and the exact payload
     */
    void deliver(TargetDelivery delivery);
}
