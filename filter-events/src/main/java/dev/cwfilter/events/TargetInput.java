package dev.cwfilter.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a target receives (PutTargets' {@code Input}, {@code InputPath} or {@code InputTransformer}, at most one of
 * them): the whole event, a constant, a part of the event, or a template filled from the event.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface TargetInput permits TargetInput.WholeEvent, TargetInput.Constant, TargetInput.Path,
        TargetInput.Transformer {

    /** No input setting: the target receives the event as EventBridge delivers it. */
    record WholeEvent() implements TargetInput {
    }

    /**
     * {@code Input}: this JSON text instead of the event, as written.
     *
     * @param json valid JSON text, at most 8,192 characters (checked by {@link EventRule.Builder#build()})
     */
    record Constant(String json) implements TargetInput {
        /** Checks for null. */
        public Constant {
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * {@code InputPath}: the value a JSON path selects in the event, as JSON ({@code $.detail}).
     *
     * @param path the path, at most 256 characters
     */
    record Path(String path) implements TargetInput {
        /** Checks for null. */
        public Path {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * {@code InputTransformer}: a template filled with values the paths select.
     *
     * @param inputPathsMap {@code InputPathsMap}: placeholder name → JSON path, in order (at most 100)
     * @param inputTemplate {@code InputTemplate}: text with {@code <name>} placeholders (1 to 8,192 characters)
     */
    record Transformer(Map<String, String> inputPathsMap, String inputTemplate) implements TargetInput {
        /** Copies the map, keeping its order. */
        public Transformer {
            Objects.requireNonNull(inputPathsMap, "inputPathsMap");
            Objects.requireNonNull(inputTemplate, "inputTemplate");
            inputPathsMap = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputPathsMap));
        }
    }
}
