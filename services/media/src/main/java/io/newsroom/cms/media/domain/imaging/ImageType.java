package io.newsroom.cms.media.domain.imaging;

/**
 * The kinds of original the newsroom accepts. Each is told from the file's first bytes ({@link ImageSniffer}), never
 * from its name or the browser's claimed type, because both are whatever the uploader's machine made of it.
 */
public enum ImageType {
    JPEG("JPEG", "image/jpeg", "jpg"),
    PNG("PNG", "image/png", "png"),
    WEBP("WebP", "image/webp", "webp"),
    GIF("GIF", "image/gif", "gif");

    private final String displayName;
    private final String mimeType;
    private final String extension;

    ImageType(String displayName, String mimeType, String extension) {
        this.displayName = displayName;
        this.mimeType = mimeType;
        this.extension = extension;
    }

    /** The name editors know the format by, for messages. */
    public String displayName() {
        return displayName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The file extension an original of this type is stored and served with, without the dot. */
    public String extension() {
        return extension;
    }
}
