package io.newsroom.cms.common.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The strong ETag of a public answer: the first 128 bits of the SHA-256 of its bytes, quoted. The articles service
 * stores it with each published document (worked out once, when the document is written) and the gateway uses the
 * one it is sent, so a reader's uncached read hashes nothing; answers the gateway makes itself are hashed here.
 */
public final class ContentTags {
    /**
     * The service-to-gateway header with the version of a public article answer (the id of the published-articles
     * event that wrote it): the gateway keeps a newer answer it already holds when an older event arrives late.
     */
    public static final String VERSION_HEADER = "CMS-Version";

    private ContentTags() {
    }

    public static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
