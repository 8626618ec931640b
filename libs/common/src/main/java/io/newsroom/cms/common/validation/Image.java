package io.newsroom.cms.common.validation;

/** Anything that shows an image: a URL and the text that describes it to readers who cannot see it. */
public interface Image {
    String url();

    String alt();

    /** A picture of the media library, whose own alt text applies when {@link #alt} is blank (checked when it goes live). */
    default boolean fromLibrary() {
        return false;
    }
}
