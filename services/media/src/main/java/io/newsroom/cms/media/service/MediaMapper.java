package io.newsroom.cms.media.service;

import io.newsroom.cms.media.api.MediaRecords.FocalPoint;
import io.newsroom.cms.media.api.MediaRecords.ImageShape;
import io.newsroom.cms.media.api.MediaRecords.MediaView;
import io.newsroom.cms.media.api.MediaRecords.PublicPicture;
import io.newsroom.cms.media.config.MediaConfig;
import io.newsroom.cms.media.config.PublicPaths;
import io.newsroom.cms.media.domain.MediaItem;
import io.newsroom.cms.media.domain.RenditionSpec;
import io.newsroom.cms.media.domain.imaging.AspectRatio;
import io.newsroom.cms.media.domain.imaging.CropWindow;
import io.newsroom.cms.media.domain.imaging.OutputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A library item as the API shows it, with the rendition URLs of every shape for its current focal point. */
@ApplicationScoped
public class MediaMapper {
    /** The width of a shape's {@code src}: a sensible default for browsers that ignore {@code srcset}. */
    private static final int DEFAULT_WIDTH = 1024;

    @Inject
    MediaConfig config;

    @Inject
    PublicPaths paths;

    public MediaView view(MediaItem item, long usageCount) {
        Map<String, ImageShape> shapes = shapes(item);
        return new MediaView(item.id, item.filename, item.mimeType, item.width, item.height, item.byteSize, item.contentHash,
                item.altText, item.caption, item.credit, item.copyright, item.source,
                new FocalPoint(item.focalX, item.focalY),
                List.copyOf(item.tags), item.describedForReaders(), shapes, usageCount, item.createdBy, item.createdAt,
                item.updatedAt, item.version);
    }

    /** What readers see of the item (copied by the parts that show it). */
    public PublicPicture picture(MediaItem item) {
        return new PublicPicture(item.id, item.altText, item.caption, item.credit, item.copyright, item.width, item.height,
                new FocalPoint(item.focalX, item.focalY), shapes(item), item.updatedAt);
    }

    /** The widths an item is offered at: the configured ones up to its own width (at least the smallest). */
    public List<Integer> widthsOf(MediaItem item) {
        List<Integer> widths = config.widths().stream().sorted().filter(w -> w <= item.width).toList();
        return widths.isEmpty() ? List.of(config.widths().stream().sorted().findFirst().orElseThrow()) : widths;
    }

    /**
     * The shape whose files show {@code shape} of {@code item}: the original's where its crop is the whole picture (4:3
     * of a 4:3 photo), so the same pixels are made, stored and cached once under one name.
     */
    public AspectRatio filesOf(MediaItem item, AspectRatio shape) {
        return filesOf(item, shape, CropWindow.of(item.width, item.height, shape, item.focus()));
    }

    private static AspectRatio filesOf(MediaItem item, AspectRatio shape, CropWindow window) {
        return window.isWhole(item.width, item.height) ? AspectRatio.ORIGINAL : shape;
    }

    /** The shapes whose files an item's renditions are ({@link #filesOf}), each once. */
    public List<AspectRatio> shapesMade(MediaItem item) {
        return Arrays.stream(AspectRatio.values()).map(shape -> filesOf(item, shape)).distinct().toList();
    }

    private Map<String, ImageShape> shapes(MediaItem item) {
        Map<String, ImageShape> shapes = new LinkedHashMap<>();
        for (AspectRatio shape : AspectRatio.values()) {
            shapes.put(shape.token(), shape(item, shape));
        }
        return shapes;
    }

    private ImageShape shape(MediaItem item, AspectRatio shape) {
        List<Integer> widths = widthsOf(item);
        CropWindow window = CropWindow.of(item.width, item.height, shape, item.focus());
        AspectRatio files = filesOf(item, shape, window);
        Map<String, String> srcset = new LinkedHashMap<>();
        for (OutputFormat format : OutputFormat.values()) {
            srcset.put(format.extension(), widths.stream()
                    .map(w -> url(item, RenditionSpec.of(files, w, item.focalX, item.focalY, format)) + " " + w + "w")
                    .collect(Collectors.joining(", ")));
        }
        int srcWidth = widths.stream().filter(w -> w >= DEFAULT_WIDTH).findFirst().orElse(widths.get(widths.size() - 1));
        return new ImageShape(url(item, RenditionSpec.of(files, srcWidth, item.focalX, item.focalY, OutputFormat.JPEG)), srcset,
                window.width(), window.height());
    }

    private String url(MediaItem item, RenditionSpec spec) {
        return paths.renditionsBase() + "/" + item.contentHash + "/" + spec.fileName();
    }
}
