package io.newsroom.cms.media.domain.imaging;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageSnifferTest {
    private static final BufferedImage PICTURE = SamplePictures.plain(40, 30, Color.ORANGE);

    @Test
    void eachAcceptedTypeIsToldFromItsBytes() {
        assertEquals(Optional.of(ImageType.JPEG), ImageSniffer.detect(SamplePictures.jpeg(PICTURE)));
        assertEquals(Optional.of(ImageType.PNG), ImageSniffer.detect(SamplePictures.write(PICTURE, "png")));
        assertEquals(Optional.of(ImageType.GIF), ImageSniffer.detect(SamplePictures.write(PICTURE, "gif")));
        assertEquals(Optional.of(ImageType.WEBP), ImageSniffer.detect(ImageEncoder.encode(PICTURE, OutputFormat.WEBP)));
    }

    @Test
    void typesCarryTheirMimeTypeAndExtension() {
        assertEquals("image/webp", ImageType.WEBP.mimeType());
        assertEquals("jpg", ImageType.JPEG.extension());
    }

    @Test
    void aRiffFileThatIsNotWebpIsUnknown() {
        byte[] wave = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.empty(), ImageSniffer.detect(wave));
    }

    @Test
    void svgIsRecognisedAndRefusedInItsOwnWords() {
        for (String svg : new String[]{
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "\uFEFF  \n<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<svg width=\"10\"/>",
                "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\"><SVG/>"}) {
            byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
            assertTrue(ImageSniffer.isSvg(bytes), svg);
            ImageRefused refused = assertThrows(ImageRefused.class, () -> ImageSniffer.identify(bytes));
            assertEquals(ImageRefused.Reason.UNSUPPORTED_TYPE, refused.reason());
            assertTrue(refused.getMessage().startsWith("SVG is not accepted"), refused.getMessage());
        }
    }

    @Test
    void otherXmlAndTextAreNotSvg() {
        assertFalse(ImageSniffer.isSvg("<?xml version=\"1.0\"?><rss/>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ImageSniffer.isSvg("just some words about <svg".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anythingElseIsAnUnsupportedType() {
        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        ImageRefused refused = assertThrows(ImageRefused.class, () -> ImageSniffer.identify(pdf));
        assertEquals(ImageRefused.Reason.UNSUPPORTED_TYPE, refused.reason());
        assertEquals("The file is not a JPEG, PNG, WebP or GIF image.", refused.getMessage());
    }

    @Test
    void aTruncatedSignatureIsUnknown() {
        byte[] png = SamplePictures.write(PICTURE, "png");
        assertEquals(Optional.empty(), ImageSniffer.detect(Arrays.copyOf(png, 5)));
    }

    @Test
    void nothingAtAllIsUnreadable() {
        ImageRefused refused = assertThrows(ImageRefused.class, () -> ImageSniffer.identify(new byte[0]));
        assertEquals(ImageRefused.Reason.UNREADABLE, refused.reason());
        assertEquals("The file is empty.", refused.getMessage());
    }
}
