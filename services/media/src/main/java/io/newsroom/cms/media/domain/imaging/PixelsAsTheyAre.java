package io.newsroom.cms.media.domain.imaging;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.util.Vector;

/**
 * A picture handed to a writer that reads all of it through {@link RenderedImage#getData()}, as the WebP writer does:
 * a {@link BufferedImage} answers that with a copy of every pixel (as much heap again, for nothing: the writer only
 * reads), this answers with the pixels themselves. Everything else is the picture's own.
 */
final class PixelsAsTheyAre implements RenderedImage {
    private final BufferedImage image;

    private PixelsAsTheyAre(BufferedImage image) {
        this.image = image;
    }

    /**
     * {@code image} without the copy where its pixels are an array of their own (the writer reads the array from its
     * start, whatever the raster's offsets); a window of a larger picture as it is (the caller copies it).
     */
    static RenderedImage of(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        boolean own = raster.getParent() == null && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getOffset() == 0 && raster.getDataBuffer().getNumBanks() == 1;
        return own ? new PixelsAsTheyAre(image) : image;
    }

    @Override
    public Raster getData() {
        return image.getRaster();
    }

    @Override
    public Raster getData(Rectangle rect) {
        return image.getData(rect);
    }

    @Override
    public WritableRaster copyData(WritableRaster raster) {
        return image.copyData(raster);
    }

    @Override
    public Vector<RenderedImage> getSources() {
        return image.getSources();
    }

    @Override
    public Object getProperty(String name) {
        return image.getProperty(name);
    }

    @Override
    public String[] getPropertyNames() {
        return image.getPropertyNames();
    }

    @Override
    public ColorModel getColorModel() {
        return image.getColorModel();
    }

    @Override
    public SampleModel getSampleModel() {
        return image.getSampleModel();
    }

    @Override
    public int getWidth() {
        return image.getWidth();
    }

    @Override
    public int getHeight() {
        return image.getHeight();
    }

    @Override
    public int getMinX() {
        return image.getMinX();
    }

    @Override
    public int getMinY() {
        return image.getMinY();
    }

    @Override
    public int getNumXTiles() {
        return image.getNumXTiles();
    }

    @Override
    public int getNumYTiles() {
        return image.getNumYTiles();
    }

    @Override
    public int getMinTileX() {
        return image.getMinTileX();
    }

    @Override
    public int getMinTileY() {
        return image.getMinTileY();
    }

    @Override
    public int getTileWidth() {
        return image.getTileWidth();
    }

    @Override
    public int getTileHeight() {
        return image.getTileHeight();
    }

    @Override
    public int getTileGridXOffset() {
        return image.getTileGridXOffset();
    }

    @Override
    public int getTileGridYOffset() {
        return image.getTileGridYOffset();
    }

    @Override
    public Raster getTile(int tileX, int tileY) {
        return image.getTile(tileX, tileY);
    }
}
