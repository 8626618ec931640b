package io.newsroom.cms.common.problem;

import jakarta.ws.rs.core.EntityTag;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ETag / If-Match handling shared by every editable resource: version {@code n} travels as {@code "n"}. */
public final class Versions {
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Reads the version a client claims in {@code If-Match}. Missing → 428; unreadable → 400.
     * Weak tags are accepted: intermediaries may weaken them and the version is the whole meaning.
     */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you last read, so that no one's changes are overwritten");
        }
        // exactly one entity tag as this service issues them ("3"; weakened W/"3" too): no list, no *, no bare number
        Matcher tag = ETAG.matcher(ifMatch.trim());
        if (!tag.matches()) {
            throw ProblemException.invalid("If-Match", "must be an ETag this service issued, e.g. \"3\"");
        }
        return Long.parseLong(tag.group(1)); // at most 18 digits: always a long
    }

    /** Fails with 412 carrying the current version when the claimed one is stale. */
    public static void requireCurrent(long claimed, long current) {
        if (claimed != current) {
            throw stale(current);
        }
    }

    public static ProblemException stale(long current) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "Someone changed this since you read it; reload version " + current + " and apply your change again",
                java.util.List.of(), Map.of("currentVersion", current));
    }
}
