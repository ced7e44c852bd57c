package dev.cwfilter.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink into this JVM's memory, for jobs on a MiniCluster in the same JVM: every record any task writes lands in
 * one queue per sink. At-least-once on failures (a restarted task writes again): only for runs without failures.
 */
final class Collect<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Queue<Object>> QUEUES = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    Collect() {
        QUEUES.put(id, new ConcurrentLinkedQueue<>());
    }

    @SuppressWarnings("unchecked")
    List<T> drain() {
        Queue<Object> q = QUEUES.remove(id);
        List<T> result = new ArrayList<>();
        q.forEach(o -> result.add((T) o));
        return result;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Queue<Object> q = QUEUES.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                q.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
