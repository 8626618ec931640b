package io.newsroom.cms.media.domain;

import java.util.Optional;

/**
 * The name a file was uploaded with, kept to show editors (storage never uses it: objects are named by content hash).
 * A name that tries to point somewhere else (a path, {@code ..}, control characters) is refused rather than cleaned,
 * so an editor learns that the file was not what it claimed.
 */
public final class UploadName {
    public static final int MAX = 200;

    private UploadName() {
    }

    /** Why {@code name} is refused, or empty when it may be kept as it is. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("must name the file");
        }
        if (name.length() > MAX) {
            return Optional.of("must be at most " + MAX + " characters");
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")) {
            return Optional.of("must be a plain file name, not a path");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
