package io.newsroom.cms.articles.api;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * JSON that was written once and is stored (the read model's documents, the authors' public profiles): sent as it
 * is, without being parsed or re-encoded. Holds one complete JSON value.
 */
@Schema(type = SchemaType.OBJECT)
public record Raw(@JsonValue @JsonRawValue String json) {
    public Raw {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("raw JSON must be a JSON value");
        }
    }

    /** This JSON object with the string field {@code name} = {@code value} added at its end (no parsing of the rest). */
    public Raw with(String name, String value) {
        String object = json.stripTrailing();
        int end = object.lastIndexOf('}');
        boolean empty = object.substring(object.indexOf('{') + 1, end).isBlank();
        JsonStringEncoder quote = JsonStringEncoder.getInstance();
        return new Raw((empty ? "{" : object.substring(0, end) + ",") + "\"" + new String(quote.quoteAsString(name)) + "\":\""
                + new String(quote.quoteAsString(value)) + "\"}");
    }
}
