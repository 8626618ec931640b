package io.newsroom.cms.media.domain;

import io.newsroom.cms.media.domain.imaging.AspectRatio;
import io.newsroom.cms.media.domain.imaging.FocalPoint;
import io.newsroom.cms.media.domain.imaging.OutputFormat;
import io.newsroom.cms.media.domain.imaging.RenditionTarget;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rendition of an original: its shape, width, focal point (whole percent) and format, written in its URL and
 * object key as {@code <shape>-<width>-<fx>-<fy>.<format>}, e.g. {@code 16x9-640-50-30.webp}. Everything that makes
 * its bytes is in its name, so with the original's content hash in front the URL is content-addressed: a new focal
 * point or a new original is a new URL, and an answer may be cached for ever.
 */
public record RenditionSpec(AspectRatio shape, int width, int focalX, int focalY, OutputFormat format) {
    private static final Pattern NAME = Pattern.compile("(original|16x9|4x3|1x1)-(\\d{2,4})-(\\d{1,3})-(\\d{1,3})\\.(webp|jpg)");

    /** The spec a rendition's file name states, if it is one (and its width one of {@code widths}). */
    public static Optional<RenditionSpec> parse(String name, List<Integer> widths) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int width = Integer.parseInt(m.group(2));
        int fx = Integer.parseInt(m.group(3));
        int fy = Integer.parseInt(m.group(4));
        if (!widths.contains(width) || fx > 100 || fy > 100) {
            return Optional.empty();
        }
        AspectRatio shape = Arrays.stream(AspectRatio.values()).filter(r -> r.token().equals(m.group(1))).findFirst().orElseThrow();
        OutputFormat format = Arrays.stream(OutputFormat.values()).filter(f -> f.extension().equals(m.group(5))).findFirst().orElseThrow();
        return Optional.of(new RenditionSpec(shape, width, fx, fy, format));
    }

    /** The spec for an item's current focal point (the original's shape does not depend on it: always 50-50). */
    public static RenditionSpec of(AspectRatio shape, int width, float focalX, float focalY, OutputFormat format) {
        return shape == AspectRatio.ORIGINAL ? new RenditionSpec(shape, width, 50, 50, format)
                : new RenditionSpec(shape, width, Math.round(focalX * 100), Math.round(focalY * 100), format);
    }

    /** The spec {@link #of} gives for an item with this focal point (the only ones made on request). */
    public boolean current(float itemFocalX, float itemFocalY) {
        return equals(of(shape, width, itemFocalX, itemFocalY, format));
    }

    /** What the imaging code makes for this spec. */
    public RenditionTarget target() {
        return new RenditionTarget(width, shape, new FocalPoint(focalX / 100.0, focalY / 100.0));
    }

    public String fileName() {
        return String.format(Locale.ROOT, "%s-%d-%d-%d.%s", shape.token(), width, focalX, focalY, format.extension());
    }

    /** The object key of this rendition of the original with {@code contentHash}. */
    public String key(String contentHash) {
        return renditionsOf(contentHash) + fileName();
    }

    /** The key prefix of every rendition of the original with {@code contentHash}. */
    public static String renditionsOf(String contentHash) {
        return "renditions/" + contentHash + "/";
    }
}
