package io.newsroom.cms.common.content;

import java.text.Normalizer;
import java.util.Locale;

/** Derives URL slugs from headlines and names: "Élan: the 2026 Budget!" → "elan-the-2026-budget". */
public final class Slugs {
    public static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String from(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... (kept within the length limit): the first not taken. */
    public static String firstFree(String base, java.util.function.Predicate<String> taken) {
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            String suffix = "-" + n;
            slug = (base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length()) : base) + suffix;
        }
        return slug;
    }
}
