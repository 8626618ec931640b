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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Makes renditions of a decoded picture: cut to a shape around the focal point, scaled down by area averaging and
 * turned upright in one step, written as WebP and JPEG.
 */
public final class Renditions {
    /** The widths renditions are planned at (a rendition is never wider than its crop, so a small original has fewer). */
    public static final List<Integer> PLANNED_WIDTHS = List.of(320, 640, 1024, 1600, 2400);
    /**
     * A bound on the written files held until the job ends, in pixels of the distinct renditions per byte: half a byte a
     * pixel for both formats (measured: a tenth to a quarter for photos at the qualities {@link ImageEncoder} writes).
     */
    private static final int PIXELS_PER_FILE_BYTE = 2;

    private Renditions() {
    }

    /** The pixels of one rendition (one asked for on first request), scaled straight from its crop. */
    public static BufferedImage render(DecodedImage picture, RenditionTarget target) {
        CropWindow crop = target.cropIn(picture.width(), picture.height());
        RenditionSize size = crop.scaledTo(target.width());
        return picture.scaled(crop, size.width(), size.height());
    }

    /** {@link #renderAll(DecodedImage, Collection, Set, Executor, Consumer)}, told of no file before the end. */
    public static List<EncodedRendition> renderAll(DecodedImage picture, Collection<RenditionTarget> targets,
                                                   Set<OutputFormat> formats, Executor encoders) {
        return renderAll(picture, targets, formats, encoders, file -> {
        });
    }

    /**
     * Every target in every format, in the order asked (targets, then formats), for the renditions made at upload;
     * {@code written} is told of each as soon as its file is written (on an encoder's thread), so it can be stored
     * while the others are made. Cheaper than {@link #render} one by one: targets that come out the same (the
     * original's shape and 4:3 on a 4:3 photo; widths capped at a narrow crop) are made once, and a width is scaled
     * from a wider rendition of the same crop where one is at least twice as wide, rather than from the whole crop
     * again, and a crop as wide as the picture (16:9 of a 4:3 photo) is cut from the whole picture's rendition as wide.
     * <p>
     * Scaling each rendition and writing each file are tasks for {@code encoders} (writing is most of the work), a
     * rendition scaled as soon as it is planned, its files written as soon as it is scaled; the calling thread plans,
     * widest first, and waits before handing on the next while the pixels not yet written (or still to be scaled from)
     * would be more than twice the largest rendition (or every size of the largest crop), so the heap this takes is
     * bounded whatever the number of targets ({@link #workingBytes}). Pass a pool of one thread per core for the
     * shortest time, or {@code Runnable::run} to do everything on the calling thread; never a pool whose only thread is
     * the calling one (it waits for them).
     */
    public static List<EncodedRendition> renderAll(DecodedImage picture, Collection<RenditionTarget> targets,
                                                   Set<OutputFormat> formats, Executor encoders,
                                                   Consumer<EncodedRendition> written) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("Renditions are written in at least one format");
        }
        Plan plan = new Plan(picture.width(), picture.height(), picture.hasAlpha(), targets);
        Semaphore room = new Semaphore(kibibytes(plan.gateBytes()));
        Map<Output, CompletableFuture<byte[]>> files = new HashMap<>();
        List<CompletableFuture<byte[]>> all = new ArrayList<>();
        List<Pending> wholeMade = new ArrayList<>();
        for (Map.Entry<CropWindow, SortedMap<RenditionSize, List<RenditionTarget>>> crop : plan.sizesByCrop.entrySet()) {
            List<Pending> made = crop.getKey().equals(plan.whole) ? wholeMade : new ArrayList<>();
            boolean rows = plan.rowsOfWhole(crop.getKey());
            for (Map.Entry<RenditionSize, List<RenditionTarget>> entry : crop.getValue().entrySet()) {
                RenditionSize size = entry.getKey();
                failFast(all);
                CompletableFuture<Made> image;
                if (rows) {
                    // the rows of the whole picture's rendition as wide: the same scale, so nothing scaled again and no
                    // room of its own (it shares the whole one's pixels, which wait for it)
                    Pending whole = wholeMade.stream().filter(p -> p.size.width() == size.width()).findFirst().orElseThrow();
                    int top = plan.rowsAt(crop.getKey(), whole.size, size);
                    image = whole.image.thenApply(source -> source.rows(top, size.height(), formats.size()));
                } else {
                    Pending from = plan.sourceOf(size, made);
                    int permits = kibibytes(plan.pixelBytes(size));
                    int uses = formats.size() + plan.derivedFrom(size, crop.getValue().keySet()) + plan.rowsTakenFrom(crop.getKey(), size);
                    acquire(room, permits);
                    image = from == null
                            ? CompletableFuture.supplyAsync(() -> new Made(picture.scaled(crop.getKey(), size.width(), size.height()), room,
                            permits, uses), encoders)
                            : from.image.thenApplyAsync(source -> {
                        try {
                            return new Made(AreaAverageScaler.scale(source.pixels, size.width(), size.height()), room, permits, uses);
                        } finally {
                            source.done();
                        }
                    }, encoders);
                    image.whenComplete((pixels, failure) -> {
                        if (failure != null) {
                            room.release(permits); // what would have been made from it fails too, giving its own back
                        }
                    });
                }
                made.add(new Pending(size, image));
                for (OutputFormat format : formats) {
                    CompletableFuture<byte[]> file = image.thenApplyAsync(pixels -> {
                        try {
                            return ImageEncoder.encode(pixels.pixels, format);
                        } finally {
                            pixels.done();
                        }
                    }, encoders);
                    CompletableFuture<byte[]> told = file.thenApply(bytes -> {
                        for (RenditionTarget target : entry.getValue()) {
                            written.accept(new EncodedRendition(target, format, size.width(), size.height(), bytes));
                        }
                        return bytes;
                    });
                    files.put(new Output(crop.getKey(), size, format), told);
                    all.add(told);
                }
            }
        }
        join(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
        List<EncodedRendition> renditions = new ArrayList<>();
        for (RenditionTarget target : targets) {
            CropWindow crop = target.cropIn(picture.width(), picture.height());
            RenditionSize size = crop.scaledTo(target.width());
            for (OutputFormat format : formats) {
                byte[] bytes = files.get(new Output(crop, size, format)).join();
                renditions.add(new EncodedRendition(target, format, size.width(), size.height(), bytes));
            }
        }
        return renditions;
    }

    /**
     * The most heap {@link #renderAll} takes for a {@code width} × {@code height} picture (upright) besides its decoded
     * pixels, with {@code encoders} files written at once: the renditions' pixels it lets wait ({@link Plan#gateBytes}),
     * the WebP writer's copy of the pixels it writes (as bytes: as large as they are), and the written files. Measured
     * for a 5500 × 4100 JPEG: decoding and every rendition run in a 145 MB heap and not in 140 MB; this says 64 + 80 MB.
     */
    public static long workingBytes(int width, int height, boolean alpha, Collection<RenditionTarget> targets, int encoders) {
        Plan plan = new Plan(width, height, alpha, targets);
        return plan.gateBytes() + encoders * plan.pixelBytes(plan.largest()) + plan.allPixels() / PIXELS_PER_FILE_BYTE;
    }

    /** The distinct sizes of each crop, widest first, with the targets each size is for. */
    private static final class Plan {
        /** The crops in the order they are made: the whole picture's first, when it is one. */
        final Map<CropWindow, SortedMap<RenditionSize, List<RenditionTarget>>> sizesByCrop = new LinkedHashMap<>();
        /** The whole picture's window, when renditions of it are planned; else null. */
        final CropWindow whole;
        private final int bytesPerPixel;
        private final int height;

        Plan(int width, int height, boolean alpha, Collection<RenditionTarget> targets) {
            bytesPerPixel = AreaAverageScaler.outputBytesPerPixel(alpha);
            this.height = height;
            whole = targets.stream().map(target -> target.cropIn(width, height)).filter(crop -> crop.isWhole(width, height))
                    .findFirst().orElse(null);
            if (whole != null) {
                sizesByCrop.put(whole, new TreeMap<>(Comparator.comparingInt(RenditionSize::width).reversed()));
            }
            for (RenditionTarget target : targets) {
                CropWindow crop = target.cropIn(width, height);
                sizesByCrop.computeIfAbsent(crop, c -> new TreeMap<>(Comparator.comparingInt(RenditionSize::width).reversed()))
                        .computeIfAbsent(crop.scaledTo(target.width()), s -> new ArrayList<>()).add(target);
            }
        }

        /**
         * Whether {@code crop}'s renditions are rows of the whole picture's (16:9 of a 4:3 photo, say): it spans the
         * picture's width, so at each width it has the same scale as the whole one, which is planned at every width.
         * A row offset that falls between two rows of the smaller picture is rounded (under half a pixel).
         */
        boolean rowsOfWhole(CropWindow crop) {
            return whole != null && !crop.equals(whole) && crop.x() == 0 && crop.width() == whole.width()
                    && sizesByCrop.get(crop).keySet().stream().allMatch(size -> wholeAt(size.width()) != null);
        }

        private RenditionSize wholeAt(int width) {
            return sizesByCrop.get(whole).keySet().stream().filter(size -> size.width() == width).findFirst().orElse(null);
        }

        /** The first row of {@code crop} in the whole picture's rendition {@code wholeSize}, for its rendition {@code size}. */
        int rowsAt(CropWindow crop, RenditionSize wholeSize, RenditionSize size) {
            int top = (int) Math.round((double) crop.y() * wholeSize.height() / height);
            return Math.max(0, Math.min(top, wholeSize.height() - size.height()));
        }

        /** How many crops take rows of {@code size} of {@code crop} (only the whole picture's are taken). */
        int rowsTakenFrom(CropWindow crop, RenditionSize size) {
            if (!crop.equals(whole)) {
                return 0;
            }
            return (int) sizesByCrop.entrySet().stream().filter(other -> rowsOfWhole(other.getKey()))
                    .filter(other -> other.getValue().keySet().stream().anyMatch(s -> s.width() == size.width())).count();
        }

        /**
         * The image {@code size} is scaled from: the narrowest already planned that is at least twice its width (each
         * pixel then averages four or more pixels, which hides the earlier averaging), else none (the crop itself).
         */
        Pending sourceOf(RenditionSize size, List<Pending> widestFirst) {
            Pending from = null;
            for (Pending wider : widestFirst) {
                if (wider.size.width() >= 2 * size.width()) {
                    from = wider;
                }
            }
            return from;
        }

        /** How many of the crop's narrower sizes are scaled from {@code size} (the same rule as {@link #sourceOf}). */
        int derivedFrom(RenditionSize size, Set<RenditionSize> widestFirst) {
            int count = 0;
            List<RenditionSize> made = new ArrayList<>();
            for (RenditionSize each : widestFirst) {
                RenditionSize from = null;
                for (RenditionSize wider : made) {
                    if (wider.width() >= 2 * each.width()) {
                        from = wider;
                    }
                }
                if (size.equals(from)) {
                    count++;
                }
                made.add(each);
            }
            return count;
        }

        RenditionSize largest() {
            return sizesByCrop.values().stream().flatMap(sizes -> sizes.keySet().stream())
                    .max(Comparator.comparingLong(size -> (long) size.width() * size.height())).orElse(new RenditionSize(0, 0));
        }

        long allPixels() {
            return sizesByCrop.values().stream().flatMap(sizes -> sizes.keySet().stream())
                    .mapToLong(size -> (long) size.width() * size.height()).sum();
        }

        long pixelBytes(RenditionSize size) {
            return (long) size.width() * size.height() * bytesPerPixel;
        }

        /**
         * The renditions' pixels let wait for their writers: twice the largest, and at least every size of the largest
         * crop, so that a rendition still to be scaled from a wider one can always be made.
         */
        long gateBytes() {
            long largestCrop = sizesByCrop.values().stream()
                    .mapToLong(sizes -> sizes.keySet().stream().mapToLong(this::pixelBytes).sum()).max().orElse(0);
            return Math.max(2 * pixelBytes(largest()), largestCrop);
        }
    }

    /** A rendition being scaled. */
    private record Pending(RenditionSize size, CompletableFuture<Made> image) {
    }

    /** A rendition's pixels, with the room they hold until their files are written and the narrower ones made from them. */
    private static final class Made {
        final BufferedImage pixels;
        private final Semaphore room;
        private final int permits;
        private final AtomicInteger uses;
        /** The rendition these are rows of (holding the room for both), or null. */
        private final Made of;

        Made(BufferedImage pixels, Semaphore room, int permits, int uses) {
            this(pixels, room, permits, uses, null);
        }

        private Made(BufferedImage pixels, Semaphore room, int permits, int uses, Made of) {
            this.pixels = pixels;
            this.room = room;
            this.permits = permits;
            this.uses = new AtomicInteger(uses);
            this.of = of;
        }

        /** {@code count} rows of these pixels from {@code top}, shared (not copied), used {@code uses} times. */
        Made rows(int top, int count, int uses) {
            return new Made(pixels.getSubimage(0, top, pixels.getWidth(), count), room, 0, uses, this);
        }

        void done() {
            if (uses.decrementAndGet() == 0) {
                room.release(permits);
                if (of != null) {
                    of.done();
                }
            }
        }
    }

    private static int kibibytes(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
    }

    private static void acquire(Semaphore room, int permits) {
        try {
            room.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Renditions interrupted");
        }
    }

    /** Stops scaling as soon as a file could not be written: the whole job fails anyway. */
    private static void failFast(List<CompletableFuture<byte[]>> files) {
        for (CompletableFuture<byte[]> file : files) {
            if (file.isCompletedExceptionally()) {
                join(file);
            }
        }
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
