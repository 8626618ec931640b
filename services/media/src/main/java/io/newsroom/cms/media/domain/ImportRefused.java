package io.newsroom.cms.media.domain;

/**
 * A pasted address whose picture cannot be fetched, with a message in plain words for the editor (said at the
 * request's {@code url} field). Unchecked, like {@link io.newsroom.cms.media.domain.imaging.ImageRefused}: nothing
 * between the fetch and the REST layer can repair the address; the REST layer maps {@link #reason()} to a status.
 */
public final class ImportRefused extends RuntimeException {
    /** Why the address was refused; each reason is one HTTP status. */
    public enum Reason {
        /** Not an http or https address with a host name: 400. */
        NOT_A_URL,
        /** It points (or redirects) into a private network, or another address that is not the public internet: 400. */
        NOT_PUBLIC,
        /** Its host name cannot be found: 400. */
        UNKNOWN_HOST,
        /** The source refused the connection, or the connection or its TLS failed: 400. */
        UNREACHABLE,
        /** The source answered something other than the picture (a 404, a redirect loop, no body): 400. */
        NO_PICTURE,
        /** The source did not answer, or did not send the picture, in time: 400 (never a 504, which the gateway counts against media). */
        TIMEOUT,
        /** The picture is larger than an upload may be: 413, as an upload of it would be. */
        TOO_LARGE
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public ImportRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
