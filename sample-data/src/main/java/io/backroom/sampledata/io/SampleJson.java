package io.backroom.sampledata.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.backroom.api.ApiJson;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The Jackson configuration of the files: the Ops API's (ISO-8601 dates, exact decimals) with money written as
 * plain decimal strings ({@code "12.50"}) so that no reader ever goes through a binary float.
 */
public final class SampleJson {
    private static final ObjectMapper MAPPER = create();

    private SampleJson() {
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = ApiJson.newMapper();
        SimpleModule money = new SimpleModule("backroom-sample-money");
        money.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        mapper.registerModule(money);
        return mapper;
    }

    private static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        PlainDecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
