package io.newsroom.cms.gateway.content;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Edits of the services' JSON for the public answers without building a tree or re-encoding it: a streaming parser
 * finds where each field starts, and the fields readers get are copied from the service's text as they are, minus
 * the internal ones (byline, body). Objects are left open so the composer can append fields.
 * On the uncached path this is a fraction of parsing, editing and re-serializing a tree.
 */
final class JsonSplice {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Set<String> INTERNAL = Set.of("byline", "body");

    private JsonSplice() {
    }

    /**
     * An object's fields minus the internal ones, as JSON text without the closing brace; its byline ids, and how many
     * items its {@code authors} array has (-1 without one).
     */
    record Open(String text, boolean empty, List<String> byline, int authors) {
        /** Closes the object with more fields ({@code "name":value,...}, already JSON). */
        String close(String moreFields) {
            return text + (empty ? "" : ",") + moreFields + "}";
        }

        /** Closes the object as it is. */
        String close() {
            return text + "}";
        }
    }

    /** A page ({@code {"items":[...], ...}}): its items opened, and its other top-level fields as JSON text. */
    record Page(List<Open> items, String otherFields) {
    }

    static Open open(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            return open(parser, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Page page(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            List<Open> items = new ArrayList<>();
            StringBuilder other = new StringBuilder();
            JsonToken token = parser.nextToken();
            while (token == JsonToken.FIELD_NAME) {
                int start = offset(parser);
                String name = parser.currentName();
                boolean isItems = parser.nextToken() == JsonToken.START_ARRAY && name.equals("items");
                if (isItems) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        items.add(open(parser, json));
                    }
                } else {
                    parser.skipChildren();
                }
                token = parser.nextToken();
                if (!isItems) {
                    field(other, json, start, offset(parser));
                }
            }
            expect(token, JsonToken.END_OBJECT);
            return new Page(items, other.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object the parser is at (its START_OBJECT) minus the internal fields, copied from {@code json}, left open. */
    private static Open open(JsonParser parser, String json) throws IOException {
        StringBuilder text = new StringBuilder(512).append('{');
        List<String> byline = new ArrayList<>();
        int authors = -1;
        JsonToken token = parser.nextToken();
        while (token == JsonToken.FIELD_NAME) {
            int start = offset(parser);
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("byline") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    byline.add(parser.getText());
                }
            } else if (name.equals("authors") && value == JsonToken.START_ARRAY) {
                authors = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                    authors++;
                }
            } else {
                parser.skipChildren();
            }
            token = parser.nextToken();
            if (!INTERNAL.contains(name)) {
                field(text, json, start, offset(parser));
            }
        }
        expect(token, JsonToken.END_OBJECT);
        return new Open(text.toString(), text.length() == 1, byline, authors);
    }

    /** Appends the field that spans {@code json[start, next)} (up to the next token), comma-separated. */
    private static void field(StringBuilder out, String json, int start, int next) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '{') {
            out.append(',');
        }
        out.append(trimmed(json, start, next));
    }

    /** {@code json[start, next)} without the separator and whitespace before the next token. */
    private static CharSequence trimmed(String json, int start, int next) {
        int end = next;
        while (end > start && (Character.isWhitespace(json.charAt(end - 1)) || json.charAt(end - 1) == ',')) {
            end--;
        }
        return json.subSequence(start, end);
    }

    private static int offset(JsonParser parser) {
        return (int) parser.currentTokenLocation().getCharOffset();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("Expected " + expected + " but got " + actual);
        }
    }
}
