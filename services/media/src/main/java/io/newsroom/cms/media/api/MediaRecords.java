package io.newsroom.cms.media.api;

import io.newsroom.cms.common.validation.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The media API's request and response bodies. */
public final class MediaRecords {
    /** The most a description field may hold (the upload form's fields and the JSON update alike). */
    public static final int ALT_MAX = 1000;
    public static final int CAPTION_MAX = 2000;
    public static final int CREDIT_MAX = 300;
    public static final int SOURCE_MAX = 1000;
    public static final int TAGS_MAX = 30;
    public static final int TAG_MAX = 60;
    public static final String TAG_PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} &'._-]*";

    private MediaRecords() {
    }

    /** Where the picture's subject is: 0..1 from the left and from the top; crops keep it in view. */
    public record FocalPoint(@NotNull @DecimalMin("0") @DecimalMax("1") Float x, @NotNull @DecimalMin("0") @DecimalMax("1") Float y) {
    }

    /** What editors say about a picture; the whole description is sent (fields left out are cleared). */
    public record MediaDescription(
            @Size(max = ALT_MAX) String altText,
            @Size(max = CAPTION_MAX) String caption,
            @Size(max = CREDIT_MAX) String credit,
            @Size(max = CREDIT_MAX) String copyright,
            @Size(max = SOURCE_MAX) String source,
            @Valid FocalPoint focalPoint,
            @Size(max = TAGS_MAX) List<@NotBlank @Size(max = TAG_MAX) @Pattern(regexp = TAG_PATTERN, message = "must be a word or short phrase") String> tags) {
    }

    /**
     * One shape of the picture, ready for {@code <img>} and {@code <picture>}: {@code src} (a JPEG about 1024 wide),
     * {@code srcset} per format ({@code "url 320w, url 640w, ..."}), the shape's width and height at full size.
     */
    public record ImageShape(String src, Map<String, String> srcset, int width, int height) {
    }

    public record MediaView(UUID id, String filename, String mimeType, int width, int height, long byteSize,
                            String contentHash, String altText, String caption, String credit, String copyright,
                            String source, FocalPoint focalPoint, List<String> tags, boolean readyForPublishing,
                            Map<String, ImageShape> renditions, long usageCount, String createdBy, Instant createdAt,
                            Instant updatedAt, long version) {
    }

    /**
     * What readers see of a picture, as the parts that show it copy it (the usage answer, the events of
     * {@code cms.media.pictures}): its description for readers and every shape's rendition URLs for its current focal
     * point. {@code updatedAt} is its version: a copy is only replaced by a newer one.
     */
    public record PublicPicture(UUID id, String alt, String caption, String credit, String copyright, int width, int height,
                                FocalPoint focalPoint, Map<String, ImageShape> renditions, Instant updatedAt) {
    }

    /**
     * A picture to take into the library from the address an editor pasted, with the description an upload may carry;
     * the address becomes the item's {@code source}. Answered like an upload ({@link Uploaded}).
     */
    public record MediaImport(
            @NotBlank @HttpUrl @Size(max = SOURCE_MAX) String url,
            @Size(max = ALT_MAX) String altText,
            @Size(max = CAPTION_MAX) String caption,
            @Size(max = CREDIT_MAX) String credit,
            @Size(max = TAGS_MAX) List<@NotBlank @Size(max = TAG_MAX) @Pattern(regexp = TAG_PATTERN, message = "must be a word or short phrase") String> tags) {

        /** What the item says about itself: the words sent, and where it came from. */
        public MediaDescription description() {
            return new MediaDescription(altText, caption, credit, null, url, null, tags == null ? List.of() : tags);
        }
    }

    /** The answer to an upload: the item, and whether these exact bytes were already in the library. */
    public record Uploaded(MediaView item, boolean alreadyInLibrary) {
    }

    public record MediaPage(List<MediaView> items, String next) {
    }

    public record UsageView(String kind, String ref, String label, Instant since) {
    }

    public record Usages(List<UsageView> items) {
    }

    /** A place a picture is used, as the part that uses it reports it. */
    public record UsageReport(@NotBlank @Pattern(regexp = "article|list-item|author", message = "must be article, list-item or author") String kind,
                              @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be an id") String ref,
                              @Size(max = 300) String label) {
    }
}
