package io.newsroom.cms.media.domain.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {
    private static final ImageDecoder DECODER = new ImageDecoder(ImageLimits.DEFAULT);
    private static final BufferedImage PICTURE = SamplePictures.photo(120, 80, 1);

    @TempDir
    Path dir;

    @Test
    void probesEachTypeFromAFileWhateverItIsCalled() throws IOException {
        List<byte[]> files = List.of(SamplePictures.jpeg(PICTURE), SamplePictures.write(PICTURE, "png"),
                ImageEncoder.encode(PICTURE, OutputFormat.WEBP), SamplePictures.write(PICTURE, "gif"));
        List<ImageType> types = List.of(ImageType.JPEG, ImageType.PNG, ImageType.WEBP, ImageType.GIF);
        for (int i = 0; i < files.size(); i++) {
            Path misnamed = Files.write(dir.resolve("upload-" + i + ".gif.txt"), files.get(i));
            ProbedImage probe = DECODER.probe(ImageSource.of(misnamed));
            assertEquals(types.get(i), probe.type());
            assertEquals(List.of(120, 80, Orientation.NORMAL, false), List.of(probe.width(), probe.height(), probe.orientation(), probe.alpha()));
            assertEquals(types.get(i).mimeType(), probe.mimeType());
            assertEquals(types.get(i).extension(), probe.extension());
        }
    }

    @Test
    void decodesColourPicturesAsTheReadersGiveThemThreeBytesAPixel() {
        for (byte[] file : List.of(SamplePictures.jpeg(PICTURE), SamplePictures.write(PICTURE, "png"),
                ImageEncoder.encode(PICTURE, OutputFormat.WEBP))) {
            ProbedImage probe = DECODER.probe(ImageSource.of(file));
            DecodedImage decoded = DECODER.decode(ImageSource.of(file), probe);
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, decoded.stored().getType(), probe.type().name());
            assertEquals(3, probe.decodingBytesPerPixel(), probe.type().name());
            assertEquals(120L * 80 * 3, decoded.bytes());
            assertEquals(List.of(120, 80), List.of(decoded.width(), decoded.height()));
            double loss = SamplePictures.meanDifference(PICTURE, decoded.upright());
            assertTrue(probe.type() == ImageType.PNG ? loss == 0 : loss < 20, probe.type() + " " + loss);
        }
    }

    @Test
    void convertsLayoutsTheScalerDoesNotReadOnceAndCountsTheCopy() {
        byte[] gif = SamplePictures.write(PICTURE, "gif");
        ProbedImage probe = DECODER.probe(ImageSource.of(gif));
        assertEquals(1 + 4, probe.decodingBytesPerPixel(), "a palette byte, then 4 bytes of the converted copy");
        DecodedImage decoded = DECODER.decode(ImageSource.of(gif), probe);
        assertEquals(BufferedImage.TYPE_INT_RGB, decoded.stored().getType());
        assertTrue(decoded.bytes() <= probe.decodingBytes());
    }

    @Test
    void decodesGreyPicturesOneByteAPixelAndSixteenBitOnesConverted() {
        BufferedImage grey = halfWhite(BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage deepGrey = halfWhite(BufferedImage.TYPE_USHORT_GRAY);
        List<byte[]> files = List.of(SamplePictures.jpeg(grey), SamplePictures.write(grey, "png"), SamplePictures.write(deepGrey, "png"));
        List<Integer> layouts = List.of(BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB);
        List<Integer> bytesPerPixel = List.of(1, 1, 2 + 4);
        for (int i = 0; i < files.size(); i++) {
            ProbedImage probe = DECODER.probe(ImageSource.of(files.get(i)));
            DecodedImage decoded = DECODER.decode(ImageSource.of(files.get(i)), probe);
            assertEquals(layouts.get(i), decoded.stored().getType(), "file " + i);
            assertEquals(bytesPerPixel.get(i), probe.decodingBytesPerPixel(), "file " + i);
            BufferedImage upright = decoded.upright();
            assertEquals(0xFFFFFFFF, upright.getRGB(2, 2) | 0x030303, "white, give or take JPEG");
            assertEquals(0xFF000000, upright.getRGB(27, 17) & 0xFFFCFCFC, "black, give or take JPEG");
        }
    }

    @Test
    void keepsAlpha() {
        BufferedImage translucent = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        translucent.setRGB(3, 4, 0x80FF0000);
        ProbedImage probe = DECODER.probe(ImageSource.of(SamplePictures.write(translucent, "png")));
        assertTrue(probe.alpha());
        DecodedImage decoded = DECODER.decode(ImageSource.of(SamplePictures.write(translucent, "png")), probe);
        assertEquals(BufferedImage.TYPE_4BYTE_ABGR, decoded.stored().getType());
        BufferedImage upright = decoded.upright();
        assertEquals(BufferedImage.TYPE_INT_ARGB, upright.getType());
        assertEquals(0x80FF0000, upright.getRGB(3, 4));
        assertEquals(0, upright.getRGB(0, 0) >>> 24);
    }

    @Test
    void decodesACmykJpegToColours() {
        byte[] cmyk = SamplePictures.cmykJpeg(40, 30, new byte[]{0, 0, 0, 0}, new byte[]{0, (byte) 255, (byte) 255, 0});
        ProbedImage probe = DECODER.probe(ImageSource.of(cmyk));
        DecodedImage decoded = DECODER.decode(ImageSource.of(cmyk), probe);
        assertTrue(decoded.bytes() <= probe.decodingBytes());
        BufferedImage upright = decoded.upright();
        assertEquals(List.of(40, 30), List.of(upright.getWidth(), upright.getHeight()));
        java.awt.Color paper = new java.awt.Color(upright.getRGB(5, 15));
        assertTrue(paper.getRed() > 200 && paper.getGreen() > 200 && paper.getBlue() > 200, "no ink is (nearly) white: " + paper);
        assertTrue(SamplePictures.isRed(upright, 35, 15), "magenta and yellow make red");
    }

    @Test
    void decodesTheFirstFrameOfAnAnimatedGif() {
        byte[] gif = SamplePictures.animatedGif(List.of(SamplePictures.plain(30, 20, Color.RED),
                SamplePictures.plain(30, 20, Color.GREEN)));
        BufferedImage first = DECODER.decode(ImageSource.of(gif)).upright();
        assertTrue(SamplePictures.isRed(first, 15, 10));
    }

    @Test
    void refusesAPngHeaderClaiming40000By40000BeforeDecodingAnything() {
        byte[] bomb = SamplePictures.pngClaiming(40_000, 40_000); // 1.6 gigapixels: 6.4 GB as pixels, 100 bytes as a file
        ImageRefused refused = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(ImageRefused.class, () -> DECODER.probe(ImageSource.of(bomb))));
        assertEquals(ImageRefused.Reason.TOO_LARGE, refused.reason());
        assertEquals("The image is 40000 × 40000 pixels; the limit is 50 megapixels.", refused.getMessage());
        assertEquals(ImageRefused.Reason.TOO_LARGE, assertThrows(ImageRefused.class,
                () -> DECODER.decode(ImageSource.of(bomb))).reason());
    }

    @Test
    void refusesAJpegHeaderClaiming40000By40000() {
        byte[] bomb = SamplePictures.jpegClaiming(SamplePictures.jpeg(PICTURE), 40_000, 40_000);
        ImageRefused refused = assertThrows(ImageRefused.class, () -> DECODER.decode(ImageSource.of(bomb)));
        assertEquals(ImageRefused.Reason.TOO_LARGE, refused.reason());
    }

    @Test
    void refusesASideLongerThanAWebpCanHold() {
        ImageRefused refused = assertThrows(ImageRefused.class,
                () -> DECODER.probe(ImageSource.of(SamplePictures.pngClaiming(20_000, 100))));
        assertEquals(ImageRefused.Reason.TOO_LARGE, refused.reason());
        assertEquals("The image is 20000 × 100 pixels; no side may be longer than 16383 pixels.", refused.getMessage());
    }

    @Test
    void appliesAConfiguredPixelLimit() {
        ImageDecoder strict = new ImageDecoder(ImageLimits.ofPixels(2_500_000));
        ImageRefused refused = assertThrows(ImageRefused.class,
                () -> strict.probe(ImageSource.of(SamplePictures.pngClaiming(2000, 1500))));
        assertEquals("The image is 2000 × 1500 pixels; the limit is 2.5 megapixels.", refused.getMessage());
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        ImageRefused refused = assertThrows(ImageRefused.class, () -> DECODER.decode(ImageSource.of(empty)));
        assertEquals(ImageRefused.Reason.UNREADABLE, refused.reason());
    }

    @Test
    void refusesRandomBytesAsNotAnImage() {
        byte[] noise = new byte[10_000];
        new Random(5).nextBytes(noise);
        noise[0] = 0x42; // not by chance a signature
        assertEquals(ImageRefused.Reason.UNSUPPORTED_TYPE,
                assertThrows(ImageRefused.class, () -> DECODER.decode(ImageSource.of(noise))).reason());
    }

    @Test
    void refusesRandomBytesBehindAJpegSignature() {
        byte[] noise = new byte[10_000];
        new Random(6).nextBytes(noise);
        byte[] fake = SamplePictures.concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, noise);
        assertUnreadable(fake, "JPEG");
    }

    @Test
    void refusesAJpegCutShortInItsPixels() {
        byte[] jpeg = SamplePictures.jpeg(SamplePictures.photo(400, 300, 2));
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 6 / 10);
        assertEquals(400, DECODER.probe(ImageSource.of(cut)).width()); // its header is whole
        assertUnreadable(cut, "JPEG");
    }

    @Test
    void aCheckReadsEveryRowButKeepsFewPixels() {
        BufferedImage photo = SamplePictures.photo(2400, 1800, 2);
        for (byte[] file : List.of(SamplePictures.jpeg(photo), SamplePictures.write(photo, "png"))) {
            ProbedImage probe = DECODER.probe(ImageSource.of(file));
            assertTrue(ImageDecoder.checksWithFewPixels(probe.type()));
            DECODER.check(ImageSource.of(file), probe); // a whole file passes
            byte[] cut = Arrays.copyOf(file, file.length * 6 / 10);
            ImageRefused refused = assertThrows(ImageRefused.class, () -> DECODER.check(ImageSource.of(cut), probe), probe.type().name());
            assertEquals(ImageRefused.Reason.UNREADABLE, refused.reason());
        }
        assertFalse(ImageDecoder.checksWithFewPixels(ImageType.WEBP));
        byte[] bomb = SamplePictures.jpegClaiming(SamplePictures.jpeg(PICTURE), 40_000, 40_000);
        assertEquals(ImageRefused.Reason.TOO_LARGE, assertThrows(ImageRefused.class,
                () -> DECODER.check(ImageSource.of(bomb), new ProbedImage(ImageType.JPEG, 120, 80, Orientation.NORMAL, false, 3))).reason());
    }

    @Test
    void refusesAJpegCutShortInItsHeader() {
        assertUnreadable(Arrays.copyOf(SamplePictures.jpeg(PICTURE), 40), "JPEG");
    }

    @Test
    void refusesOtherTypesCutShort() {
        BufferedImage photo = SamplePictures.photo(300, 200, 3);
        for (byte[] file : List.of(SamplePictures.write(photo, "png"), SamplePictures.write(photo, "gif"),
                ImageEncoder.encode(photo, OutputFormat.WEBP))) {
            byte[] cut = Arrays.copyOf(file, file.length / 2);
            ImageRefused refused = assertThrows(ImageRefused.class, () -> DECODER.decode(ImageSource.of(cut)));
            assertEquals(ImageRefused.Reason.UNREADABLE, refused.reason());
        }
    }

    @Test
    void aMissingFileIsTheServersProblemNotTheEditors() {
        assertThrows(UncheckedIOException.class, () -> DECODER.probe(ImageSource.of(dir.resolve("gone.jpg"))));
    }

    @Test
    void turnsAnExifOrientation6PhotoUprightAndDropsTheExif() {
        byte[] jpeg = SamplePictures.withExifOrientation(SamplePictures.jpeg(marked(60, 40)), 6);
        assertTrue(SamplePictures.contains(jpeg, "Exif"));

        ProbedImage probe = DECODER.probe(ImageSource.of(jpeg));
        assertEquals(new ProbedImage(ImageType.JPEG, 40, 60, Orientation.ROTATE_90_CLOCKWISE, false, 3), probe);
        DecodedImage decoded = DECODER.decode(ImageSource.of(jpeg), probe);
        assertEquals(60, decoded.stored().getWidth(), "kept as stored: no turned copy of the whole picture");
        BufferedImage upright = decoded.upright();
        assertEquals(40, upright.getWidth());
        assertEquals(60, upright.getHeight());
        assertTrue(SamplePictures.isRed(upright, 35, 4), "the stored top-left corner is now top-right");
        assertTrue(SamplePictures.isGreen(upright, 35, 55), "the stored top-right corner is now bottom-right");

        for (OutputFormat format : OutputFormat.values()) {
            byte[] clean = ImageEncoder.encode(upright, format);
            assertFalse(SamplePictures.contains(clean, "Exif"), format.name());
        }
    }

    @Test
    void turnsEveryExifOrientationUpright() {
        // where the stored top-left (red) and top-right (green) corners of a 60 × 40 picture are meant to be seen
        String[][] corners = {
                {"top-left", "top-right"}, {"top-right", "top-left"}, {"bottom-right", "bottom-left"},
                {"bottom-left", "bottom-right"}, {"top-left", "bottom-left"}, {"top-right", "bottom-right"},
                {"bottom-right", "top-right"}, {"bottom-left", "top-left"}};
        for (int exif = 1; exif <= 8; exif++) {
            byte[] jpeg = SamplePictures.withExifOrientation(SamplePictures.jpeg(marked(60, 40)), exif);
            DecodedImage decoded = DECODER.decode(ImageSource.of(jpeg));
            assertEquals(Orientation.ofExif(exif), decoded.probe().orientation());
            assertEquals(exif, decoded.probe().orientation().exifValue());
            BufferedImage upright = decoded.upright();
            assertEquals(exif >= 5 ? 40 : 60, upright.getWidth(), "orientation " + exif);
            assertEquals(upright.getWidth(), decoded.width());
            assertTrue(SamplePictures.isRed(upright, cornerX(upright, corners[exif - 1][0]), cornerY(upright, corners[exif - 1][0])),
                    "orientation " + exif + ": red " + corners[exif - 1][0]);
            assertTrue(SamplePictures.isGreen(upright, cornerX(upright, corners[exif - 1][1]), cornerY(upright, corners[exif - 1][1])),
                    "orientation " + exif + ": green " + corners[exif - 1][1]);
        }
    }

    @Test
    void brokenExifCountsAsUpright() {
        byte[] jpeg = SamplePictures.withExifOrientation(SamplePictures.jpeg(PICTURE), 6);
        jpeg[2 + 4 + 6] = 'X'; // the TIFF byte order mark: neither II nor MM
        assertEquals(Orientation.NORMAL, DECODER.probe(ImageSource.of(jpeg)).orientation());
        assertEquals(Orientation.NORMAL, Orientation.ofExif(9));
    }

    @Test
    void jpegsAreReadByTwelveMonkeysAndWebpByItsPureJavaReader() throws IOException {
        assertTrue(Codecs.reader(ImageType.JPEG).getClass().getName().startsWith("com.twelvemonkeys."));
        assertTrue(Codecs.reader(ImageType.WEBP).getClass().getName().startsWith("com.twelvemonkeys."));
    }

    private static BufferedImage halfWhite(int type) {
        BufferedImage image = new BufferedImage(30, 20, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 15, 20);
        g.dispose();
        return image;
    }

    /** A white picture with a red square in its top-left corner and a green one in its top-right corner. */
    private static BufferedImage marked(int width, int height) {
        BufferedImage image = SamplePictures.plain(width, height, Color.WHITE);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 10, 10);
        g.setColor(Color.GREEN);
        g.fillRect(width - 10, 0, 10, 10);
        g.dispose();
        return image;
    }

    private static int cornerX(BufferedImage image, String corner) {
        return corner.endsWith("left") ? 4 : image.getWidth() - 5;
    }

    private static int cornerY(BufferedImage image, String corner) {
        return corner.startsWith("top") ? 4 : image.getHeight() - 5;
    }

    private static void assertUnreadable(byte[] file, String typeName) {
        ImageRefused refused = assertThrows(ImageRefused.class, () -> DECODER.decode(ImageSource.of(file)));
        assertEquals(ImageRefused.Reason.UNREADABLE, refused.reason());
        assertEquals("The file looks like a " + typeName + " image but cannot be read: it is damaged or incomplete.",
                refused.getMessage());
    }
}
