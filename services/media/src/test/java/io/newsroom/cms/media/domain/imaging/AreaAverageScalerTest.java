package io.newsroom.cms.media.domain.imaging;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AreaAverageScalerTest {
    @Test
    void averagesEverySourcePixelItCovers() {
        BufferedImage checker = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        BufferedImage scaled = AreaAverageScaler.scale(checker, 2, 1);
        assertEquals(PixelLayout.BYTE_RGB, PixelLayout.of(scaled).orElseThrow(), "3 bytes a pixel without alpha");
        assertEquals(0xFF808080, scaled.getRGB(0, 0));
        assertEquals(0xFF808080, scaled.getRGB(1, 0));
    }

    @Test
    void matchesAwtAreaAveragingAtAnyFactor() {
        BufferedImage photo = SamplePictures.photo(401, 299, 4);
        for (int width : new int[]{401, 400, 267, 133, 50, 1}) {
            int height = Math.max(1, Math.round(width * 299 / 401f));
            BufferedImage ours = AreaAverageScaler.scale(photo, width, height);
            Image awt = photo.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING);
            BufferedImage reference = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            reference.createGraphics().drawImage(awt, 0, 0, null);
            assertTrue(maxDifference(ours, reference) <= 1, width + " wide");
        }
    }

    @Test
    void scalesAWindowOfAPictureNotThePictureAroundIt() {
        BufferedImage halves = SamplePictures.plain(100, 100, Color.RED);
        Graphics2D g = halves.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(50, 0, 50, 100);
        g.dispose();
        BufferedImage scaled = AreaAverageScaler.scale(halves.getSubimage(40, 20, 40, 60), 4, 3);
        assertEquals(0xFFFF0000, scaled.getRGB(0, 0)); // x 40–50 of the picture
        assertEquals(0xFF0000FF, scaled.getRGB(3, 2)); // x 70–80
    }

    @Test
    void transparentPixelsDoNotDarkenTheOpaqueOnes() {
        BufferedImage edge = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        edge.setRGB(0, 0, 0x00000000); // transparent black
        edge.setRGB(1, 0, 0xFFFFFFFF); // opaque white
        BufferedImage scaled = AreaAverageScaler.scale(edge, 1, 1);
        assertEquals(BufferedImage.TYPE_INT_ARGB, scaled.getType());
        assertEquals(0x80FFFFFF, scaled.getRGB(0, 0), "half-transparent white, not grey");
    }

    @Test
    void onlyScalesDown() {
        assertThrows(IllegalArgumentException.class, () -> AreaAverageScaler.scale(SamplePictures.plain(10, 10, Color.RED), 11, 10));
    }

    @Test
    void readsEveryDecodedLayoutAsItIs() {
        BufferedImage photo = SamplePictures.photo(301, 203, 5);
        BufferedImage reference = AreaAverageScaler.scale(photo, 97, 65);
        assertEquals(0, maxDifference(reference, AreaAverageScaler.scale(SamplePictures.as(photo, BufferedImage.TYPE_3BYTE_BGR), 97, 65)));
        for (int type : new int[]{BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage same = SamplePictures.as(photo, type); // averaged in floats, premultiplied: within a level
            assertTrue(maxDifference(reference, AreaAverageScaler.scale(same, 97, 65)) <= 1, "type " + type);
        }
        BufferedImage grey = SamplePictures.as(photo, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage greyAsRgb = SamplePictures.as(grey, BufferedImage.TYPE_INT_RGB); // Java2D repeats grey into red, green and blue
        assertEquals(0, maxDifference(AreaAverageScaler.scale(greyAsRgb, 97, 65), AreaAverageScaler.scale(grey, 97, 65)));
        assertThrows(IllegalArgumentException.class, () -> AreaAverageScaler.scale(SamplePictures.as(photo, BufferedImage.TYPE_USHORT_565_RGB), 10, 10));
    }

    @Test
    void turningWhileScalingIsTurningThenScaling() {
        BufferedImage stored = SamplePictures.photo(240, 160, 6);
        for (Orientation orientation : Orientation.values()) {
            BufferedImage upright = SamplePictures.turned(stored, orientation);
            for (int width : new int[]{upright.getWidth(), 77}) {
                int height = Math.max(1, Math.round((float) width * upright.getHeight() / upright.getWidth()));
                BufferedImage direct = AreaAverageScaler.scale(stored, new Rectangle(0, 0, 240, 160), orientation, width, height);
                assertTrue(maxDifference(AreaAverageScaler.scale(upright, width, height), direct) <= 1, orientation + " " + width);
            }
        }
    }

    @Test
    void aWindowOfATurnedPictureIsTheSameWindowOfItUpright() {
        BufferedImage stored = SamplePictures.photo(300, 200, 7);
        CropWindow window = new CropWindow(30, 40, 120, 90); // in the upright picture (300 × 200, or 200 × 300 turned)
        for (Orientation orientation : Orientation.values()) {
            BufferedImage upright = SamplePictures.turned(stored, orientation);
            Rectangle inStored = orientation.storedWindow(window, 300, 200);
            assertEquals(orientation.swapsSides() ? new Rectangle(0, 0, 90, 120).getSize() : new Rectangle(0, 0, 120, 90).getSize(),
                    inStored.getSize(), orientation.name());
            BufferedImage direct = AreaAverageScaler.scale(stored, inStored, orientation, 40, 30);
            BufferedImage viaUpright = AreaAverageScaler.scale(window.cut(upright), 40, 30);
            assertTrue(maxDifference(viaUpright, direct) <= 1, orientation.name());
        }
    }

    private static int maxDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    max = Math.max(max, Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF)));
                }
            }
        }
        return max;
    }
}
