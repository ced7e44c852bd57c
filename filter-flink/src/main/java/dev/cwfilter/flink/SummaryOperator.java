package dev.cwfilter.flink;

import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Gathers the parts of a run's summary (each task's counts, each datapoint, each transition) into one
 * {@link RunSummary}, kept in Flink's operator state (checkpointed, restored after a failure), and sends it when the
 * input ends; an unbounded input never ends, so it never sends anything. Runs as one task.
 *
 * <p>Flink calls it on one task thread; not thread-safe.
 */
final class SummaryOperator extends AbstractStreamOperator<byte[]>
        implements OneInputStreamOperator<byte[], byte[]>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private transient ListState<byte[]> state;
    private transient RunSummary summary;

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("cwfilter-run-summary",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        summary = new RunSummary(0);
        if (context.isRestored()) {
            for (byte[] part : state.get()) {
                summary.merge(RunSummary.fromBytes(part));
            }
        }
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) {
        summary.merge(RunSummary.fromBytes(element.getValue()));
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        state.update(List.of(summary.toBytes()));
    }

    @Override
    public void endInput() {
        output.collect(new StreamRecord<>(summary.toBytes()));
    }
}
