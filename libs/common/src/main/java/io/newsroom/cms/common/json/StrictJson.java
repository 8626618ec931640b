package io.newsroom.cms.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newsroom.cms.common.text.SafeText;
import io.newsroom.cms.common.time.Times;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;

/**
 * JSON is read strictly everywhere (ARCHITECTURE.md, "Contracts"): trailing tokens, duplicate keys and scalar
 * coercion ({@code 123} for a string, {@code "5"} or {@code 5.0} for a number, {@code 1} for a boolean) are 400
 * problems; strings with characters no text should carry ({@link SafeText}) and times outside 1900–9999
 * ({@link Times}) are refused at the field that holds them.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Last, after the modules Quarkus registers, so that these deserializers are the ones used. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Also for mappers made outside CDI (tests, tools). */
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: Quarkus hands us the mapper, not its builder
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[]{LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.DateTime, LogicalType.OtherScalar, LogicalType.Enum}) {
            for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.String}) {
                if (!sameShape(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        // Jackson asks the module registered last first, and registers a module once: java.time's goes in before ours,
        // so a later registration of it is ignored and ours decides for Instant.
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(new SimpleModule("strict-json")
                .addDeserializer(String.class, new SafeStringDeserializer())
                .addKeyDeserializer(String.class, new SafeKeyDeserializer())
                .addDeserializer(Instant.class, new BoundedInstantDeserializer()));
        return mapper;
    }

    private static boolean sameShape(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual, DateTime, OtherScalar, Enum -> shape == CoercionInputShape.String;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            default -> false;
        };
    }

    /** A JSON string, and only a string, holding text that {@link SafeText} allows. */
    static final class SafeStringDeserializer extends StdScalarDeserializer<String> {
        SafeStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return checked(p.getText(), p);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    static final class SafeKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(key, ctxt.getParser());
        }
    }

    private static String checked(String text, JsonParser p) throws IOException {
        int bad = SafeText.firstForbidden(text);
        if (bad >= 0) {
            throw new RejectedValue(p, SafeText.reason(text, bad), text, String.class);
        }
        return text;
    }

    /** ISO-8601 with an offset, as a JSON string, within {@link Times#RANGE}. */
    static final class BoundedInstantDeserializer extends StdScalarDeserializer<Instant> {
        BoundedInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            return Times.parse(text).orElseThrow(() -> new RejectedValue(p,
                    "must be an ISO-8601 UTC time like 2026-12-01T08:00:00Z, " + Times.RANGE, text, Instant.class));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** A value of the right JSON type that is still not acceptable; {@code reason} is said to the client as it is. */
    public static final class RejectedValue extends InvalidFormatException {
        private final String reason;

        RejectedValue(JsonParser p, String reason, Object value, Class<?> target) {
            super(p, reason, value, target);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
