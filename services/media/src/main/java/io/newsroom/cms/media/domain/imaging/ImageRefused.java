package io.newsroom.cms.media.domain.imaging;

/**
 * An upload that cannot become an original, with a message in plain words for the editor. Unchecked because nothing
 * between the upload and the REST layer can repair the file: the REST layer maps {@link #reason()} to a status (see
 * {@link Reason}) and puts the message in the problem details.
 */
public final class ImageRefused extends RuntimeException {
    /** Why the file was refused; each reason is one HTTP status. */
    public enum Reason {
        /** Empty, damaged or incomplete, or its header cannot be read: 400. */
        UNREADABLE,
        /** Not a JPEG, PNG, WebP or GIF image (SVG included): 415. */
        UNSUPPORTED_TYPE,
        /** More pixels, or a longer side, than the limits allow: 400 (the picture is too large, not the request). */
        TOO_LARGE
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public ImageRefused(Reason reason, String message) {
        this(reason, message, null);
    }

    public ImageRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
