package io.newsroom.cms.media.domain.imaging;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenditionsTest {
    private static final ImageDecoder DECODER = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void eachRenditionHasTheAskedWidthAndShape() {
        DecodedImage upright = SamplePictures.decoded(SamplePictures.photo(1200, 900, 8));
        for (AspectRatio ratio : AspectRatio.values()) {
            for (int width : List.of(320, 640, 900)) {
                BufferedImage rendition = Renditions.render(upright, new RenditionTarget(width, ratio, new FocalPoint(0.2, 0.7)));
                assertEquals(width, rendition.getWidth(), ratio + " " + width);
                assertShape(ratio, 1200, 900, rendition.getWidth(), rendition.getHeight());
            }
        }
    }

    @Test
    void neverUpscales() {
        DecodedImage upright = SamplePictures.decoded(SamplePictures.photo(1200, 900, 9));
        assertEquals(1200, Renditions.render(upright, new RenditionTarget(2400, AspectRatio.ORIGINAL, FocalPoint.CENTRE)).getWidth());
        BufferedImage square = Renditions.render(upright, new RenditionTarget(1600, AspectRatio.SQUARE, FocalPoint.CENTRE));
        assertEquals(900, square.getWidth(), "capped at the crop's own width");
        assertEquals(900, square.getHeight());
    }

    @Test
    void aFocalPointNearACornerMovesTheCropThere() {
        BufferedImage white = SamplePictures.plain(1200, 600, Color.WHITE);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(60, 60, 100, 100);
        g.dispose();
        DecodedImage upright = SamplePictures.decoded(white);
        BufferedImage onTheSquare = Renditions.render(upright, new RenditionTarget(320, AspectRatio.SQUARE, new FocalPoint(0.09, 0.18)));
        BufferedImage centred = Renditions.render(upright, new RenditionTarget(320, AspectRatio.SQUARE, FocalPoint.CENTRE));
        assertTrue(SamplePictures.isRed(onTheSquare, 58, 58), "the 600 × 600 window starts at the left edge: the square is at 60–160");
        assertFalse(containsRed(centred), "a centred window (x 300–900) misses it");
    }

    @Test
    void rendersEveryTargetInEveryFormatMakingEqualOnesOnce() {
        DecodedImage upright = SamplePictures.decoded(SamplePictures.photo(1200, 900, 10));
        List<RenditionTarget> targets = everyTarget(new FocalPoint(0.6, 0.4));
        List<EncodedRendition> told = Collections.synchronizedList(new ArrayList<>());
        List<EncodedRendition> renditions = Renditions.renderAll(upright, targets, EnumSet.allOf(OutputFormat.class), Runnable::run, told::add);
        assertEquals(Set.copyOf(renditions), Set.copyOf(told), "each file told once as it is written");
        assertEquals(renditions.size(), told.size());

        assertEquals(targets.size() * 2, renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            EncodedRendition rendition = renditions.get(i);
            RenditionTarget target = targets.get(i / 2);
            assertSame(target, rendition.target());
            assertEquals(i % 2 == 0 ? OutputFormat.WEBP : OutputFormat.JPEG, rendition.format());
            DecodedImage decoded = DECODER.decode(ImageSource.of(rendition.bytes()));
            assertEquals(rendition.width(), decoded.width());
            assertEquals(rendition.height(), decoded.height());
            int cropWidth = target.ratio() == AspectRatio.SQUARE ? 900 : 1200;
            assertEquals(Math.min(target.width(), cropWidth), rendition.width(), target.toString());
            assertShape(target.ratio(), 1200, 900, rendition.width(), rendition.height());
        }
        // on a 4:3 picture the original's shape and 4:3 are the same window: made once, the same file
        EncodedRendition original640 = find(renditions, AspectRatio.ORIGINAL, 640, OutputFormat.WEBP);
        assertSame(original640.bytes(), find(renditions, AspectRatio.CLASSIC, 640, OutputFormat.WEBP).bytes());
        // widths capped to the same size are one file
        assertSame(find(renditions, AspectRatio.SQUARE, 1600, OutputFormat.JPEG).bytes(),
                find(renditions, AspectRatio.SQUARE, 2400, OutputFormat.JPEG).bytes());
    }

    @Test
    void aRenditionMadeAloneIsTheOneMadeWithTheOthers() {
        DecodedImage upright = SamplePictures.decoded(SamplePictures.photo(1000, 800, 11));
        RenditionTarget target = new RenditionTarget(640, AspectRatio.WIDE, FocalPoint.CENTRE);
        byte[] alone = ImageEncoder.encode(Renditions.render(upright, target), OutputFormat.JPEG);
        byte[] together = Renditions.renderAll(upright, List.of(target), EnumSet.of(OutputFormat.JPEG), Runnable::run).get(0).bytes();
        assertArrayEquals(alone, together);
    }

    /**
     * 16:9 of a 4:3 picture is cut from the whole picture's rendition as wide. Where the crop's top falls on a row of it
     * (the crop against an edge) the pixels are the very ones the crop scaled alone gives; elsewhere they are shifted by
     * under half a pixel (at 640 and 1024 wide; at 320 the whole one is made from a wider one, as before).
     */
    @Test
    void aCropAsWideAsThePictureIsTheWholeRenditionsRowsAndLooksAsIfMadeAlone() {
        DecodedImage picture = SamplePictures.decoded(SamplePictures.photo(1200, 900, 14));
        for (FocalPoint focus : List.of(new FocalPoint(0.5, 0.1), new FocalPoint(0.3, 0.85), FocalPoint.CENTRE)) {
            List<EncodedRendition> all = Renditions.renderAll(picture, everyTarget(focus), EnumSet.of(OutputFormat.JPEG), Runnable::run);
            for (int width : List.of(640, 1024)) {
                RenditionTarget wide = new RenditionTarget(width, AspectRatio.WIDE, focus);
                BufferedImage together = DECODER.decode(ImageSource.of(find(all, AspectRatio.WIDE, width, OutputFormat.JPEG).bytes())).upright();
                BufferedImage alone = DECODER.decode(ImageSource.of(ImageEncoder.encode(Renditions.render(picture, wide), OutputFormat.JPEG))).upright();
                assertEquals(List.of(alone.getWidth(), alone.getHeight()), List.of(together.getWidth(), together.getHeight()), wide.toString());
                double difference = SamplePictures.meanDifference(alone, together);
                if (focus.equals(FocalPoint.CENTRE)) {
                    assertTrue(difference < 5, wide + ": " + difference); // a picture of hard edges shifted a third of a pixel
                } else {
                    assertEquals(0.0, difference, wide + ": against an edge, the same pixels");
                }
            }
        }
        // what the comparison tells apart: the same shape around another point
        BufferedImage top = Renditions.render(picture, new RenditionTarget(640, AspectRatio.WIDE, new FocalPoint(0.5, 0.1)));
        BufferedImage middle = Renditions.render(picture, new RenditionTarget(640, AspectRatio.WIDE, FocalPoint.CENTRE));
        assertTrue(SamplePictures.meanDifference(top, middle) > 10, "another crop differs: " + SamplePictures.meanDifference(top, middle));
    }

    @Test
    void aTurnedPhotoGivesTheRenditionsOfItUpright() throws Exception {
        BufferedImage stored = SamplePictures.photo(900, 600, 12);
        byte[] jpeg = SamplePictures.withExifOrientation(SamplePictures.jpeg(stored), 6);
        DecodedImage turned = DECODER.decode(ImageSource.of(jpeg));
        assertEquals(List.of(600, 900), List.of(turned.width(), turned.height()));
        DecodedImage upright = SamplePictures.decoded(SamplePictures.turned(DECODER.decode(ImageSource.of(SamplePictures.jpeg(stored))).upright(),
                Orientation.ROTATE_90_CLOCKWISE));
        for (RenditionTarget target : everyTarget(new FocalPoint(0.3, 0.8))) {
            BufferedImage fromTurned = Renditions.render(turned, target);
            BufferedImage fromUpright = Renditions.render(upright, target);
            assertEquals(List.of(fromUpright.getWidth(), fromUpright.getHeight()), List.of(fromTurned.getWidth(), fromTurned.getHeight()));
            assertTrue(SamplePictures.meanDifference(fromUpright, fromTurned) < 0.05, target.toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<EncodedRendition> all = Renditions.renderAll(turned, everyTarget(FocalPoint.CENTRE), EnumSet.allOf(OutputFormat.class), pool);
            for (EncodedRendition rendition : all) {
                BufferedImage back = DECODER.decode(ImageSource.of(rendition.bytes())).upright();
                assertEquals(List.of(rendition.width(), rendition.height()), List.of(back.getWidth(), back.getHeight()));
                assertTrue(back.getHeight() >= back.getWidth() || rendition.target().ratio() != AspectRatio.ORIGINAL, "portrait");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHeapForRenditionsDoesNotGrowWithTheOriginal() {
        List<RenditionTarget> targets = everyTarget(FocalPoint.CENTRE);
        long camera = Renditions.workingBytes(4000, 3000, false, targets, 2);
        long large = Renditions.workingBytes(5500, 4100, false, targets, 2);
        long huge = Renditions.workingBytes(8000, 6000, false, targets, 2);
        assertTrue(large < camera * 1.1 && huge < camera * 1.1, camera + " " + large + " " + huge);
        // a 2400 × 2400 square is the largest rendition: twice it waiting, two being written, and the files
        assertTrue(large < 100L << 20, "under 100 MB: " + (large >> 20));
        assertTrue(Renditions.workingBytes(5500, 4100, true, targets, 2) > large, "4 bytes a pixel with alpha");
    }

    @Test
    void aPoolThatRefusesWorkFailsTheJob() {
        DecodedImage picture = SamplePictures.decoded(SamplePictures.photo(800, 600, 13));
        AtomicInteger writes = new AtomicInteger();
        Executor failing = task -> {
            if (writes.incrementAndGet() == 3) {
                throw new IllegalStateException("the encoder pool is gone");
            }
            task.run();
        };
        assertThrows(IllegalStateException.class, () -> Renditions.renderAll(picture, everyTarget(FocalPoint.CENTRE),
                EnumSet.allOf(OutputFormat.class), failing));
    }

    private static List<RenditionTarget> everyTarget(FocalPoint focus) {
        List<RenditionTarget> targets = new ArrayList<>();
        for (AspectRatio ratio : AspectRatio.values()) {
            for (int width : Renditions.PLANNED_WIDTHS) {
                targets.add(new RenditionTarget(width, ratio, focus));
            }
        }
        return targets;
    }

    private static EncodedRendition find(List<EncodedRendition> renditions, AspectRatio ratio, int width, OutputFormat format) {
        return renditions.stream().filter(r -> r.target().ratio() == ratio && r.target().width() == width && r.format() == format)
                .findFirst().orElseThrow();
    }

    /** The rendition's height is its width in the ratio (the original's own for ORIGINAL), within a pixel. */
    private static void assertShape(AspectRatio ratio, int imageWidth, int imageHeight, int width, int height) {
        double expected = ratio == AspectRatio.ORIGINAL ? (double) width * imageHeight / imageWidth
                : (double) width * ratio.height() / ratio.width();
        assertTrue(Math.abs(height - expected) <= 1, ratio + ": " + width + " × " + height);
    }

    private static boolean containsRed(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (SamplePictures.isRed(image, x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
