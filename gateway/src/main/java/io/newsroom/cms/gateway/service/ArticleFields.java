package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.gateway.api.PublicRecords.ArticleSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code fields=} of the public article list: which top-level fields of each list item readers want (a
 * comma-separated whitelist: the fields of {@link ArticleSummary}, so a field the list gains is asked for by name at
 * once). {@link #ALL} passes the articles service's bytes through untouched; any other choice is applied to the parsed
 * page (JSON as data), in the items' own field order.
 */
public final class ArticleFields {
    /** Every field a list item has, in its order. */
    public static final Set<String> NAMES = Arrays.stream(ArticleSummary.class.getRecordComponents())
            .map(component -> component.getName()).collect(Collectors.toCollection(LinkedHashSet::new));
    public static final ArticleFields ALL = new ArticleFields(NAMES);

    private final Set<String> kept;

    private ArticleFields(Set<String> kept) {
        this.kept = kept;
    }

    /**
     * The fields named in {@code fields} (comma-separated, blanks around names ignored); null or blank: all of them. A
     * name a list item does not have is a 400 problem at {@code fields}.
     */
    public static ArticleFields parse(String fields) {
        if (fields == null || fields.isBlank()) {
            return ALL;
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String name : fields.split(",")) {
            String field = name.trim();
            if (!NAMES.contains(field)) {
                throw ProblemException.invalid("fields", "'" + field + "' is not a field of a list item; the fields are "
                        + String.join(", ", NAMES));
            }
            asked.add(field);
        }
        // the items' own order, so the same choice in another order is the same answer (and cache entry)
        return asked.containsAll(NAMES) ? ALL : new ArticleFields(NAMES.stream().filter(asked::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** This choice in a cache key: the names, comma-separated, in the items' order. */
    public String key() {
        return this == ALL ? "" : String.join(",", kept);
    }

    /** {@code page} ({@code {"items": [...], ...}}) with each item cut down to these fields. */
    byte[] keep(byte[] page, ObjectMapper json) {
        if (this == ALL) {
            return page;
        }
        try {
            JsonNode tree = json.readTree(page);
            for (JsonNode item : tree.path("items")) {
                if (item instanceof ObjectNode object) {
                    object.retain(kept);
                }
            }
            return json.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("The articles service sent an unreadable page", e);
        }
    }
}
