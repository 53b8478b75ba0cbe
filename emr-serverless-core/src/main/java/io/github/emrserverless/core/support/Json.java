package io.github.emrserverless.core.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The one JSON configuration used for request bodies, responses and output files: Jackson jr, which reads
 * and writes records and collections with a small part of databind's start-up cost (a goal pays that cost
 * on every build).
 */
public final class Json {

    private static final String UNKNOWN = "UNKNOWN";

    private Json() {}

    /**
     * Records are written in declaration order and null members left out; unknown response members are
     * ignored; timestamps are read as the rest-json protocol sends them, epoch seconds; an enum with an
     * {@code UNKNOWN} constant reads a value it does not know as that constant (the service may add states).
     */
    public static JSON create() {
        return JSON.builder()
                .enable(JSON.Feature.WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER)
                .register(new RestJsonValues())
                .build();
    }

    /** The same, pretty-printed: for files and logs that people read. */
    public static JSON pretty(JSON json) {
        return json.with(JSON.Feature.PRETTY_PRINT_OUTPUT);
    }

    private static final class RestJsonValues extends JacksonJrExtension {

        @Override
        protected void register(ExtensionContext context) {
            context.insertProvider(new ReaderWriterProvider() {
                @Override
                public ValueReader findValueReader(JSONReader reader, Class<?> type) {
                    if (type == Instant.class) {
                        return new EpochSecondsReader();
                    }
                    if (type.isEnum() && constant(type, UNKNOWN) != null) {
                        return new TolerantEnumReader(type);
                    }
                    return null;
                }
            });
        }
    }

    private static final class EpochSecondsReader extends ValueReader {

        EpochSecondsReader() {
            super(Instant.class);
        }

        @Override
        public Object read(JSONReader reader, JsonParser parser) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            BigDecimal seconds = parser.getDecimalValue();
            return Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
    }

    private static final class TolerantEnumReader extends ValueReader {

        TolerantEnumReader(Class<?> type) {
            super(type);
        }

        @Override
        public Object read(JSONReader reader, JsonParser parser) throws IOException {
            String name = parser.getValueAsString();
            if (name == null) {
                return null;
            }
            Object known = constant(_valueType, name);
            return known != null ? known : constant(_valueType, UNKNOWN);
        }
    }

    private static Object constant(Class<?> enumType, String name) {
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
