package dev.cwfilter.internal.transform;

import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.internal.eval.json.JsonFieldReader;
import dev.cwfilter.internal.eval.value.FieldRequest;
import dev.cwfilter.internal.eval.value.Numbers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric filter's transformation, ready to apply: what a matched event publishes, from the values its pattern's
 * match took (space-delimited fields) and the JSON fields it reads (SEMANTICS.md section 6). A value that is missing
 * or not a finite number, or a missing dimension, publishes nothing (U12, U13).
 *
 * <p>Immutable and thread-safe.
 */
public final class MetricTransformation {

    /** No space-delimited field values (the pattern is not space-delimited, or no field is read). */
    public static final String[] NO_FIELDS = new String[0];

    private final ValueSource value;
    private final String[] dimensionNames;
    private final ValueSource[] dimensions;
    private final StandardUnit unit;
    private final List<FieldRequest> fieldRequests;
    private final List<Selector> jsonSelectors;
    private final JsonFieldReader jsonFields;

    MetricTransformation(ValueSource value, List<String> dimensionNames, List<ValueSource> dimensions,
                         StandardUnit unit, List<FieldRequest> fieldRequests, List<Selector> jsonSelectors,
                         JsonFieldReader jsonFields) {
        this.value = value;
        this.dimensionNames = dimensionNames.toArray(String[]::new);
        this.dimensions = dimensions.toArray(ValueSource[]::new);
        this.unit = unit;
        this.fieldRequests = List.copyOf(fieldRequests);
        this.jsonSelectors = List.copyOf(jsonSelectors);
        this.jsonFields = jsonFields;
    }

    /** The space-delimited fields the value and dimensions read, for the pattern's match to take. */
    public List<FieldRequest> fieldRequests() {
        return fieldRequests;
    }

    /** The selectors of the JSON fields the value and dimensions read ({@code $.latency}), in order. */
    public List<Selector> jsonSelectors() {
        return jsonSelectors;
    }

    /**
     * What a matched message publishes, reading its JSON fields (if any) from the message.
     *
     * @param fields the values of {@link #fieldRequests()} the match took
     */
    public Resolution resolve(long timestamp, String message, String[] fields) {
        return resolve(timestamp, fields, jsonFields == null ? null : jsonFields.read(message));
    }

    /**
     * What a matched event publishes, given the values of its fields.
     *
     * @param fields     the values of {@link #fieldRequests()}
     * @param jsonValues the values of {@link #jsonSelectors()} (as {@link JsonFieldReader} reads them)
     */
    public Resolution resolve(long timestamp, String[] fields, String[] jsonValues) {
        String valueText = value.text(fields, jsonValues);
        if (valueText == null) {
            return Resolution.MATCH_WITHOUT_DATAPOINT;
        }
        char[] chars = valueText.toCharArray();
        double number = Numbers.parseDouble(chars, 0, chars.length);
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return Resolution.MATCH_WITHOUT_DATAPOINT;
        }
        Map<String, String> dims = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.length; i++) {
            String text = dimensions[i].text(fields, jsonValues);
            if (text == null) {
                return Resolution.MATCH_WITHOUT_DATAPOINT;
            }
            dims.put(dimensionNames[i], text);
        }
        return new Resolution(true, new Datapoint(timestamp, number, unit, dims));
    }
}
