package dev.rollgate.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Names the field of a request body that Jackson could not read, and says what it should have been. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static FieldError fieldError(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            if (e instanceof UnrecognizedPropertyException unknown) {
                return new FieldError(field, "is not a field here; the fields are "
                        + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
            }
            if (e instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                return new FieldError(field, "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()));
            }
            if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return new FieldError(field, "must be " + describe(mismatched.getTargetType()));
            }
            return new FieldError(field, "has a value of the wrong type");
        }
        return new FieldError("body", "is not valid JSON: " + e.getOriginalMessage());
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
