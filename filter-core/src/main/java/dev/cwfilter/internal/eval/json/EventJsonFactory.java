package dev.cwfilter.internal.eval.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.io.IOContext;

/**
 * The JSON factory of a compiled pattern: jackson-core's, configured with the event limits, that can also make the
 * {@link ReusableJsonParser} each thread keeps for evaluating UTF-8 events.
 *
 * <p>Immutable once built and thread-safe, like any {@link JsonFactory} that is no longer configured.
 */
public final class EventJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    /** A factory with the builder's settings. */
    public EventJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    /** A new parser of UTF-8 events, to be {@link ReusableJsonParser#reset reset} onto each one. */
    ReusableJsonParser newReusableParser() {
        IOContext context = _createContext(_createContentReference(null), false);
        return new ReusableJsonParser(context, _parserFeatures, _byteSymbolCanonicalizer.makeChild(_factoryFeatures));
    }
}
