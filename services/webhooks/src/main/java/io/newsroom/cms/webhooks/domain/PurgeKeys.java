package io.newsroom.cms.webhooks.domain;

import io.newsroom.cms.common.http.SurrogateKeys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which surrogate keys (libs/common {@link SurrogateKeys}: the names the gateway files its public answers under in
 * {@code Surrogate-Key} and {@code Cache-Tag}) an event makes wrong: what a {@code cdn-purge} endpoint is told to
 * purge. Ids are the events' keys (article and author ids, list slugs); one with anything but {@code [A-Za-z0-9._:-]}
 * gives no key of its own (never a header injection), only the collective ones.
 */
public final class PurgeKeys {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private PurgeKeys() {
    }

    /** An article changed: its page, everything that lists articles, and the pages of the authors on its byline. */
    public static List<String> forArticle(String articleId, List<String> bylineAuthorIds) {
        Set<String> keys = new LinkedHashSet<>();
        if (safe(articleId)) {
            keys.add(SurrogateKeys.article(articleId));
        }
        keys.add(SurrogateKeys.ARTICLES);
        for (String author : bylineAuthorIds) {
            if (safe(author)) {
                keys.add(SurrogateKeys.author(author));
            }
        }
        return new ArrayList<>(keys);
    }

    /** An author's public profile changed: their key and the author pages (their articles come as article events). */
    public static List<String> forAuthor(String authorId) {
        return safe(authorId) ? List.of(SurrogateKeys.author(authorId), SurrogateKeys.AUTHORS) : List.of(SurrogateKeys.AUTHORS);
    }

    /** A featured list changed (the lists topic's key is its slug): the list and every list answer. */
    public static List<String> forList(String slug) {
        return safe(slug) ? List.of(SurrogateKeys.list(slug), SurrogateKeys.LISTS) : List.of(SurrogateKeys.LISTS);
    }

    public static boolean safe(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }
}
