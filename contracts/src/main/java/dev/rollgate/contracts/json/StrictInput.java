package dev.rollgate.contracts.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what they say: a number is not a string, a string is not a number, a fraction is not
 * a whole number. Jackson's default coercions would quietly accept {@code "appKey": 42} or {@code "sizeBytes": "7"}.
 * A field the body does not have is refused, not ignored: a misspelt {@code caseInsensitve} would otherwise
 * silently change nothing. An absent flag ({@code inverted}) still reads as false.
 */
public final class StrictInput {

    private StrictInput() {
    }

    public static void apply(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
    }
}
