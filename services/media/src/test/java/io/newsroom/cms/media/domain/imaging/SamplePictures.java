package io.newsroom.cms.media.domain.imaging;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/** Pictures and files made in the test with Java2D and ImageIO: nothing is downloaded, no binary is checked in. */
final class SamplePictures {
    private SamplePictures() {
    }

    /** A flat picture of one colour. */
    static BufferedImage plain(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /**
     * Something that compresses like a photo: soft colour fields, shapes, text and a little sensor noise, so that
     * encoders and decoders take about the time they take on real photos.
     */
    static BufferedImage photo(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage fields = new BufferedImage(Math.max(1, width / 50), Math.max(1, height / 50), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < fields.getHeight(); y++) {
            for (int x = 0; x < fields.getWidth(); x++) {
                fields.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(fields, 0, 0, width, height, null);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), random.nextInt(width / 10 + 1), random.nextInt(height / 8 + 1));
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, width / 100)));
        for (int i = 0; i < 60; i++) {
            g.drawString("Newsroom rendition test " + i, random.nextInt(width), random.nextInt(height));
        }
        g.dispose();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int noise = random.nextInt(9) - 4;
            int p = pixels[i];
            pixels[i] = channel((p >> 16 & 0xFF) + noise) << 16 | channel((p >> 8 & 0xFF) + noise) << 8 | channel((p & 0xFF) + noise);
        }
        return image;
    }

    /** {@code image} drawn by Java2D into a new image of {@code type}. */
    static BufferedImage as(BufferedImage image, int type) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    /**
     * {@code stored} as it is meant to be seen with {@code orientation}, turned by Java2D (the reference the scaler's
     * own turning is checked against), as {@code TYPE_INT_RGB}.
     */
    static BufferedImage turned(BufferedImage stored, Orientation orientation) {
        int w = stored.getWidth();
        int h = stored.getHeight();
        java.awt.geom.AffineTransform transform = switch (orientation) {
            case NORMAL -> new java.awt.geom.AffineTransform();
            case FLIP_HORIZONTAL -> new java.awt.geom.AffineTransform(-1, 0, 0, 1, w, 0);
            case ROTATE_180 -> new java.awt.geom.AffineTransform(-1, 0, 0, -1, w, h);
            case FLIP_VERTICAL -> new java.awt.geom.AffineTransform(1, 0, 0, -1, 0, h);
            case TRANSPOSE -> new java.awt.geom.AffineTransform(0, 1, 1, 0, 0, 0);
            case ROTATE_90_CLOCKWISE -> new java.awt.geom.AffineTransform(0, 1, -1, 0, h, 0);
            case TRANSVERSE -> new java.awt.geom.AffineTransform(0, -1, -1, 0, h, w);
            case ROTATE_90_COUNTERCLOCKWISE -> new java.awt.geom.AffineTransform(0, -1, 1, 0, 0, w);
        };
        BufferedImage upright = orientation.swapsSides() ? new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB)
                : new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upright.createGraphics();
        g.drawImage(stored, transform, null);
        g.dispose();
        return upright;
    }

    /** {@code upright} as a decoded original (upright already, as a JPEG would be read). */
    static DecodedImage decoded(BufferedImage upright) {
        return new DecodedImage(new ProbedImage(ImageType.JPEG, upright.getWidth(), upright.getHeight(), Orientation.NORMAL,
                upright.getColorModel().hasAlpha(), 4), upright);
    }

    private static int channel(int value) {
        return Math.max(0, Math.min(255, value));
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.9f);
    }

    /** {@code image} written by the JDK's own writer for {@code format} (png, gif). */
    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A CMYK JPEG of {@code width} × {@code height}, its left half {@code left} and its right half {@code right} (ink
     * amounts, 0–255: cyan, magenta, yellow, black), as print workflows write them: 4 channels stored inverted (255 is
     * no ink), and an Adobe APP14 segment saying they are CMYK (transform 0).
     */
    static byte[] cmykJpeg(int width, int height, byte[] left, byte[] right) {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                byte[] ink = x < width / 2 ? left : right;
                for (int band = 0; band < 4; band++) {
                    raster.setSample(x, y, band, 255 - (ink[band] & 0xFF));
                }
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        byte[] adobe = ByteBuffer.allocate(2 + 2 + 12).put((byte) 0xFF).put((byte) 0xEE).putShort((short) 14)
                .put("Adobe".getBytes(StandardCharsets.US_ASCII)).putShort((short) 100).putShort((short) 0).putShort((short) 0)
                .put((byte) 0).array(); // version 100, no flags, transform 0: CMYK as it is
        return concat(Arrays.copyOf(jpeg, 2), adobe, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** The mean difference of two pictures of the same size, per channel (0–255). */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    total += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return (double) total / ((long) a.getWidth() * a.getHeight() * 3);
    }

    /** A GIF whose frames are {@code frames}, in order. */
    static byte[] animatedGif(List<BufferedImage> frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * {@code jpeg} with an APP1 Exif segment right after SOI holding one tag, Orientation = {@code orientation}: a
     * big-endian TIFF header and an IFD0 of one entry, as cameras write it (less everything else they write).
     */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4)
                .put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8) // byte order, magic, IFD0 offset
                .putShort((short) 1) // entries
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0); // no next IFD
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        byte[] segment = concat(new byte[]{(byte) 0xFF, (byte) 0xE1}, ByteBuffer.allocate(2).putShort((short) (payload.length + 2)).array(), payload);
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** {@code jpeg} with its frame header (SOF0) claiming {@code width} × {@code height}; the scan data is unchanged. */
    static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] patched = jpeg.clone();
        for (int i = 2; i + 8 < patched.length; i++) {
            if ((patched[i] & 0xFF) == 0xFF && (patched[i + 1] & 0xFF) == 0xC0) {
                // FFC0, length (2), precision (1), height (2), width (2)
                ByteBuffer.wrap(patched, i + 5, 4).putShort((short) height).putShort((short) width);
                return patched;
            }
        }
        throw new IllegalArgumentException("No baseline frame header in this JPEG");
    }

    /** A PNG that is only a header claiming {@code width} × {@code height} (correct CRCs) and an empty image: a bomb's shape. */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit RGB, deflate, no filter, no interlace
        return concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                chunk("IHDR", header.array()),
                chunk("IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}),
                chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), name, data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Whether {@code bytes} contain {@code text} (ASCII) anywhere. */
    static boolean contains(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pixel at (x, y) is clearly red (as JPEG keeps red: not exactly 255, 0, 0). */
    static boolean isRed(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y), true);
        return c.getRed() > 180 && c.getGreen() < 80 && c.getBlue() < 80;
    }

    static boolean isGreen(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y), true);
        return c.getGreen() > 180 && c.getRed() < 80 && c.getBlue() < 80;
    }
}
