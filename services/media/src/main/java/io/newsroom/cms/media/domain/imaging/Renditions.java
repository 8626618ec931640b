package io.newsroom.cms.media.domain.imaging;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Makes renditions of an upright picture: cut to a shape around the focal point, scaled down by area averaging,
 * written as WebP and JPEG.
 */
public final class Renditions {
    /** The widths renditions are planned at (a rendition is never wider than its crop, so a small original has fewer). */
    public static final List<Integer> PLANNED_WIDTHS = List.of(320, 640, 1024, 1600, 2400);

    private Renditions() {
    }

    /** The pixels of one rendition (one asked for on first request), scaled straight from its crop. */
    public static BufferedImage render(BufferedImage upright, RenditionTarget target) {
        CropWindow crop = target.cropIn(upright.getWidth(), upright.getHeight());
        RenditionSize size = crop.scaledTo(target.width());
        return AreaAverageScaler.scale(crop.cut(upright), size.width(), size.height());
    }

    /**
     * Every target in every format, in the order asked (targets, then formats), for the renditions made at upload.
     * Cheaper than {@link #render} one by one: targets that come out the same (the original's shape and 4:3 on a 4:3
     * photo; widths capped at a narrow crop) are made once, and a width is scaled from a wider rendition of the same
     * crop where one is at least twice as wide, rather than from the whole crop again.
     * <p>
     * The calling thread crops and scales one crop at a time while {@code encoders} writes the files of the previous one
     * (writing is most of the work); at most two crops' pixels are held at once. Pass a pool of one thread per core
     * for the shortest time, or {@code Runnable::run} to do everything on the calling thread; never a pool whose only
     * thread is the calling one (the call waits for the files, which would wait for it).
     */
    public static List<EncodedRendition> renderAll(BufferedImage upright, Collection<RenditionTarget> targets,
                                                   Set<OutputFormat> formats, Executor encoders) {
        Map<CropWindow, SortedSet<RenditionSize>> sizesByCrop = new LinkedHashMap<>();
        for (RenditionTarget target : targets) {
            CropWindow crop = target.cropIn(upright.getWidth(), upright.getHeight());
            sizesByCrop.computeIfAbsent(crop, c -> new TreeSet<>(Comparator.comparingInt(RenditionSize::width).reversed()))
                    .add(crop.scaledTo(target.width()));
        }
        Map<Output, CompletableFuture<byte[]>> files = new HashMap<>();
        CompletableFuture<Void> previousCrop = CompletableFuture.completedFuture(null);
        for (Map.Entry<CropWindow, SortedSet<RenditionSize>> entry : sizesByCrop.entrySet()) {
            Map<RenditionSize, BufferedImage> scaled = scaleAll(entry.getKey().cut(upright), entry.getValue());
            join(previousCrop);
            List<CompletableFuture<byte[]>> writing = new ArrayList<>();
            scaled.forEach((size, image) -> formats.forEach(format -> {
                CompletableFuture<byte[]> file = CompletableFuture.supplyAsync(() -> ImageEncoder.encode(image, format), encoders);
                files.put(new Output(entry.getKey(), size, format), file);
                writing.add(file);
            }));
            previousCrop = CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new));
        }
        join(previousCrop);
        List<EncodedRendition> renditions = new ArrayList<>();
        for (RenditionTarget target : targets) {
            CropWindow crop = target.cropIn(upright.getWidth(), upright.getHeight());
            RenditionSize size = crop.scaledTo(target.width());
            for (OutputFormat format : formats) {
                byte[] bytes = files.get(new Output(crop, size, format)).join();
                renditions.add(new EncodedRendition(target, format, size.width(), size.height(), bytes));
            }
        }
        return renditions;
    }

    /**
     * The sizes of one crop, widest first, each from the narrowest image already made that is at least twice its width
     * (each pixel then averages four or more pixels, which hides the earlier averaging), else from the crop itself.
     */
    private static Map<RenditionSize, BufferedImage> scaleAll(BufferedImage crop, SortedSet<RenditionSize> widestFirst) {
        Map<RenditionSize, BufferedImage> made = new LinkedHashMap<>();
        for (RenditionSize size : widestFirst) {
            BufferedImage from = crop;
            for (BufferedImage wider : made.values()) {
                if (wider.getWidth() >= 2 * size.width()) {
                    from = wider;
                }
            }
            made.put(size, AreaAverageScaler.scale(from, size.width(), size.height()));
        }
        return made;
    }

    private static void join(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** One file to write: a size of a crop in a format. */
    private record Output(CropWindow crop, RenditionSize size, OutputFormat format) {
    }
}
