package dev.cwfilter.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an {@code --output} of {@code text} or {@code json} into a command's own output value; anything else is
 * refused with what is expected. A command subclasses it with its two values (picocli makes one per option).
 *
 * @param <T> the command's output type
 */
abstract class TextOrJson<T> implements ITypeConverter<T> {

    private final T text;
    private final T json;

    TextOrJson(T text, T json) {
        this.text = text;
        this.json = json;
    }

    @Override
    public T convert(String value) {
        return switch (value) {
            case "text" -> text;
            case "json" -> json;
            // picocli prints a TypeConversionException's message as it is (any other exception with its class name).
            default -> throw new TypeConversionException("expected text or json, not '" + value + "'");
        };
    }
}
