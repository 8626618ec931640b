package io.newsroom.cms.articles.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code @username}s a comment names: lower case, each once, in order, at most {@link #MAX}. */
public final class Mentions {
    public static final int MAX = 20;
    /** Not after a word character, a dot or another @ (an e-mail address is not a mention). */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([A-Za-z0-9][A-Za-z0-9._-]{0,99})");

    private Mentions() {
    }

    public static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find() && names.size() < MAX) {
            // "@alice." and "@alice-" end a sentence or a clause: the punctuation is not part of the name
            String name = m.group(1).replaceAll("[._-]+$", "").toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
