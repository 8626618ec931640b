package io.newsroom.cms.media.domain.imaging;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
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
        assertEquals(BufferedImage.TYPE_INT_RGB, scaled.getType());
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
