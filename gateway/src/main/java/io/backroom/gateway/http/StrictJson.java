package io.backroom.gateway.http;

import io.backroom.gateway.core.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one strict Jackson configuration for request bodies (the wire format stays {@code ApiJson}'s): no scalar
 * coercion (a string is not a number, a number is not a date or a string, a float is not an integer), duplicate
 * keys refused, nesting and number length bounded while parsing, and every decimal, date, instant and string held to
 * {@link InputBounds} as it is read, before any arithmetic. A value out of bounds is an
 * {@link InvalidFormatException} carrying its JSON path, answered as a 400 naming the field.
 */
public final class StrictJson {
    /** Deepest nesting of objects and arrays a request body may have. */
    public static final int MAX_NESTING = 32;
    /**
     * Longest number token the parser buffers, in characters. Longer than {@link InputBounds#MAX_DECIMAL_CHARS} on
     * purpose: a number up to this length reaches {@link Decimals}, which refuses it naming its field; only beyond it
     * does the parser refuse the body as a whole.
     */
    public static final int MAX_NUMBER_CHARS = 1000;

    private StrictJson() {
    }

    /** A strict copy of {@code wire} for reading request bodies. */
    public static ObjectMapper forRequests(ObjectMapper wire) {
        JsonMapper.Builder b = ((JsonMapper) wire).rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(module());
        JsonMapper mapper = b.build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxStringLength(2 << 20)
                .build());
        return mapper;
    }

    private static SimpleModule module() {
        SimpleModule m = new SimpleModule("backroom-strict-input");
        m.addDeserializer(BigDecimal.class, new Decimals());
        m.addDeserializer(LocalDate.class, new Dates());
        m.addDeserializer(Instant.class, new Instants());
        m.addDeserializer(String.class, new Texts());
        return m;
    }

    private static InvalidFormatException invalid(JsonParser p, String message, Object value, Class<?> type) {
        return InvalidFormatException.from(p, message, value, type);
    }

    /**
     * Decimals: JSON numbers; a string only where the contract writes the decimal as a string (a property marked
     * {@code @JsonFormat(shape = STRING)}: money amounts, tolerances), and there only a string.
     */
    static final class Decimals extends StdScalarDeserializer<BigDecimal>
            implements com.fasterxml.jackson.databind.deser.ContextualDeserializer {
        private final boolean asString;

        Decimals() {
            this(false);
        }

        private Decimals(boolean asString) {
            super(BigDecimal.class);
            this.asString = asString;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonDeserializer<?> createContextual(DeserializationContext ctxt,
                com.fasterxml.jackson.databind.BeanProperty property) {
            com.fasterxml.jackson.annotation.JsonFormat.Value format = property == null ? null
                    : property.findPropertyFormat(ctxt.getConfig(), BigDecimal.class);
            boolean string = format != null && format.getShape() == com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING;
            return string == asString ? this : new Decimals(string);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
            boolean string = t == JsonToken.VALUE_STRING;
            if (asString ? !string && !number : !number) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            String text = p.getText();
            try {
                return InputBounds.decimal(text);
            } catch (InputBounds.OutOfBounds e) {
                throw invalid(p, e.getMessage(), text.length() > 48 ? text.substring(0, 48) + "..." : text,
                        BigDecimal.class);
            }
        }
    }

    /** Dates: a {@code yyyy-MM-dd} string within the year window, never a number. */
    static final class Dates extends StdScalarDeserializer<LocalDate> {
        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            try {
                return InputBounds.date(p.getText());
            } catch (InputBounds.OutOfBounds e) {
                throw invalid(p, e.getMessage(), p.getText(), LocalDate.class);
            }
        }
    }

    /** Instants: an ISO-8601 string within the year window, never a number. */
    static final class Instants extends StdScalarDeserializer<Instant> {
        Instants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return InputBounds.instant(p.getText());
            } catch (InputBounds.OutOfBounds e) {
                throw invalid(p, e.getMessage(), p.getText(), Instant.class);
            }
        }
    }

    /** Strings: JSON strings only, without control characters. */
    static final class Texts extends StdScalarDeserializer<String> {
        Texts() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getText();
            try {
                return InputBounds.text(s);
            } catch (InputBounds.OutOfBounds e) {
                throw invalid(p, e.getMessage(), s.length() > 48 ? s.substring(0, 48) + "..." : s, String.class);
            }
        }
    }
}
