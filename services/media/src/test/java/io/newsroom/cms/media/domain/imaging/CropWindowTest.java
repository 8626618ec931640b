package io.newsroom.cms.media.domain.imaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CropWindowTest {
    @Test
    void theOriginalShapeCutsNothing() {
        assertEquals(new CropWindow(0, 0, 4000, 3000), CropWindow.of(4000, 3000, AspectRatio.ORIGINAL, new FocalPoint(0.1, 0.9)));
    }

    @Test
    void takesTheLargestWindowOfTheRatio() {
        assertEquals(new CropWindow(0, 375, 4000, 2250), CropWindow.of(4000, 3000, AspectRatio.WIDE, FocalPoint.CENTRE));
        assertEquals(new CropWindow(500, 0, 3000, 3000), CropWindow.of(4000, 3000, AspectRatio.SQUARE, FocalPoint.CENTRE));
        assertEquals(new CropWindow(0, 0, 4000, 3000), CropWindow.of(4000, 3000, AspectRatio.CLASSIC, FocalPoint.CENTRE));
        assertEquals(new CropWindow(0, 1100, 2000, 1125), CropWindow.of(2000, 3325, AspectRatio.WIDE, FocalPoint.CENTRE));
    }

    @Test
    void centresOnTheFocalPoint() {
        // focal point at x = 1200: a 3000-wide window from 1200 - 1500 would start left of the picture, so it starts at 0
        assertEquals(new CropWindow(0, 0, 3000, 3000), CropWindow.of(4000, 3000, AspectRatio.SQUARE, new FocalPoint(0.3, 0.5)));
        assertEquals(new CropWindow(200, 0, 3000, 3000), CropWindow.of(4000, 3000, AspectRatio.SQUARE, new FocalPoint(0.425, 0.5)));
        assertEquals(new CropWindow(1000, 0, 3000, 3000), CropWindow.of(4000, 3000, AspectRatio.SQUARE, new FocalPoint(1, 1)));
        assertEquals(new CropWindow(0, 750, 4000, 2250), CropWindow.of(4000, 3000, AspectRatio.WIDE, new FocalPoint(0, 1)));
    }

    @Test
    void aTinyPictureStillHasAWindowOfAPixel() {
        assertEquals(new CropWindow(0, 0, 1, 1), CropWindow.of(1, 1, AspectRatio.WIDE, FocalPoint.CENTRE));
        assertEquals(new CropWindow(0, 0, 3, 2), CropWindow.of(3, 2, AspectRatio.WIDE, FocalPoint.CENTRE));
    }

    @Test
    void scalesToTheAskedWidthButNeverUp() {
        CropWindow wide = new CropWindow(0, 375, 4000, 2250);
        assertEquals(new RenditionSize(640, 360), wide.scaledTo(640));
        assertEquals(new RenditionSize(4000, 2250), wide.scaledTo(8000));
        assertEquals(new RenditionSize(2, 1), new CropWindow(0, 0, 300, 1).scaledTo(2), "at least a pixel high");
    }

    @Test
    void aFocalPointIsInsideThePicture() {
        assertThrows(IllegalArgumentException.class, () -> new FocalPoint(1.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new FocalPoint(0.5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new RenditionTarget(0, AspectRatio.SQUARE, FocalPoint.CENTRE));
    }
}
