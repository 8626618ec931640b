package io.newsroom.cms.media.domain.imaging;

/** The formats renditions are written in: WebP for every browser of today, JPEG for the rest and for e-mail and feeds. */
public enum OutputFormat {
    WEBP("image/webp", "webp"), JPEG("image/jpeg", "jpg");

    private final String mimeType;
    private final String extension;

    OutputFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }
}
