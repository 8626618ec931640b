package io.newsroom.cms.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ID = UUID.fromString("7d3c1c39-4a64-4f5c-9d7e-0f3c2a1b0c11");

    private static JsonNode picture(String alt) throws Exception {
        return JSON.readTree("""
                {"id":"%s","alt":%s,"caption":"Library caption","credit":"Library credit","width":2400,"height":1600,
                 "renditions":{"original":{"src":"/media/files/abc/w1600.jpg",
                   "srcset":{"webp":"/media/files/abc/w320.webp 320w","jpg":"/media/files/abc/w320.jpg 320w"}},
                   "1x1":{"src":"/media/files/abc/1x1-w640.jpg"}},
                 "updatedAt":"2026-12-01T10:00:00Z"}""".formatted(ID, alt == null ? "null" : '"' + alt + '"'));
    }

    @Test
    void theWordsGivenWhereThePictureIsShownComeFirstTheLibrarysOtherwise() throws Exception {
        PublicImage image = PublicImage.of(ID, picture("Library alt"), "https://pasted.example/a.jpg", "Own alt", null, " ");

        assertEquals("/media/files/abc/w1600.jpg", image.url());
        assertEquals("Own alt", image.alt());
        assertEquals("Library caption", image.caption());
        assertEquals("Library credit", image.credit(), "blank words are no words");
        assertEquals(2400, image.width());
        assertEquals(1600, image.height());
        assertEquals("/media/files/abc/w320.webp 320w", image.srcset().get("webp"));
        assertEquals("/media/files/abc/1x1-w640.jpg", image.renditions().path("1x1").path("src").asText());
    }

    @Test
    void aPastedUrlCarriesOnlyWhatWasTyped() {
        PublicImage image = PublicImage.pasted("https://pasted.example/a.jpg", "Alt", null, null);

        assertEquals("https://pasted.example/a.jpg", image.url());
        assertNull(image.mediaId());
        assertNull(image.srcset());
        assertNull(PublicImage.pasted(null, "Alt", null, null));
    }

    @Test
    void aPictureIsDescribedByItsOwnAltOrTheLibrarys() throws Exception {
        assertTrue(PublicImage.described(null, picture("Library alt")));
        assertTrue(PublicImage.described("Own", picture(null)));
        assertFalse(PublicImage.described(" ", picture(null)));
        assertFalse(PublicImage.described(null, null));
    }

    @Test
    void eventsAreReadOrRefusedAsUnreadable() throws Exception {
        PictureEvent changed = PictureEvent.read(ID.toString(), picture("A").toString(), JSON);
        assertEquals(ID, changed.id());
        assertFalse(changed.deleted());
        assertEquals("2026-12-01T10:00:00Z", changed.updatedAt().toString());

        assertTrue(PictureEvent.read(ID.toString(), null, JSON).deleted());
        assertThrows(IllegalArgumentException.class, () -> PictureEvent.read(ID.toString(), "{\"id\":\"x\"}", JSON));
        assertThrows(IllegalArgumentException.class, () -> PictureEvent.read("not-a-uuid", null, JSON));
    }
}
