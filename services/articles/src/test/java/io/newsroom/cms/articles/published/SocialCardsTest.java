package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which rendition of a library picture a social card shows, and its size. */
class SocialCardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode picture(int cropWidth, int cropHeight, String jpgSrcset) throws Exception {
        return JSON.readTree("""
                {"id":"00000000-0000-0000-0000-000000000001","renditions":{
                  "original":{"src":"/m/o.jpg","width":3000,"height":2000},
                  "16x9":{"src":"/m/16x9-1024.jpg","srcset":{"jpg":"%s","webp":"/m/16x9-2400.webp 2400w"},"width":%d,"height":%d}}}
                """.formatted(jpgSrcset, cropWidth, cropHeight));
    }

    @Test
    void theFirstJpegAtLeast1200WideOfTheSixteenByNineCrop() throws Exception {
        var crop = SocialCards.crop(picture(3000, 1688,
                "/m/16x9-320.jpg 320w, /m/16x9-640.jpg 640w, /m/16x9-1024.jpg 1024w, /m/16x9-1600.jpg 1600w, /m/16x9-2400.jpg 2400w"))
                .orElseThrow();
        assertEquals(new SocialCards.Crop("/m/16x9-1600.jpg", 1600, 900), crop);
    }

    @Test
    void aSmallPictureGivesItsWidestAndNeverWiderThanTheCrop() throws Exception {
        assertEquals(new SocialCards.Crop("/m/16x9-640.jpg", 640, 360),
                SocialCards.crop(picture(800, 450, "/m/16x9-320.jpg 320w, /m/16x9-640.jpg 640w")).orElseThrow());
        // offered at 1024 (the original is that wide) but the 16:9 crop of a wide panorama is narrower
        assertEquals(new SocialCards.Crop("/m/16x9-1024.jpg", 711, 400),
                SocialCards.crop(picture(711, 400, "/m/16x9-320.jpg 320w, /m/16x9-640.jpg 640w, /m/16x9-1024.jpg 1024w")).orElseThrow());
    }

    @Test
    void withoutASrcsetTheDefaultRenditionAndWithoutTheCropNothing() throws Exception {
        assertEquals(new SocialCards.Crop("/m/16x9-1024.jpg", 1024, 576), SocialCards.crop(picture(1600, 900, "")).orElseThrow());
        assertTrue(SocialCards.crop(JSON.readTree("{\"renditions\":{\"original\":{\"src\":\"/m/o.jpg\"}}}")).isEmpty());
    }
}
