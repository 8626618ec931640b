package io.newsroom.cms.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The media library through the gateway, as the editor app and readers use it: a multipart upload streams through
 * /api/media to the media service, and the srcset URLs it hands out are served by the gateway's public API, cached
 * for ever. Too large an upload is refused at the gateway with a problem, before anything is forwarded.
 */
@ExtendWith(SystemExtension.class)
class MediaE2ETest {
    private static final String PROBLEM = "application/problem+json";

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random();
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(width), random.nextInt(height), width / 3, height / 3);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void anUploadThroughTheGatewayIsServedToReadersWithItsRenditions() throws Exception {
        Response created = given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", "newsroom.jpg", jpeg(1800, 1200), "image/jpeg").multiPart("altText", "The newsroom at night")
                .post("/api/media");
        created.then().statusCode(201).contentType("application/json").body("item.readyForPublishing", is(true));
        String src = created.path("item.renditions.'4x3'.src");
        String webp = created.path("item.renditions.original.srcset.webp");

        Response rendition = given().get(src);
        rendition.then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "public, max-age=31536000, immutable").header("X-Content-Type-Options", "nosniff");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition.asByteArray()));
        assertEquals(1024, image.getWidth());
        assertEquals(768, image.getHeight(), 1);
        given().header("If-None-Match", rendition.header("ETag")).get(src).then().statusCode(304);

        String smallest = webp.split(",")[0].trim().split(" ")[0];
        given().get(smallest).then().statusCode(200).contentType("image/webp");
        given().get("/public/v1/media/" + "0".repeat(64) + "/original-320-50-50.webp").then().statusCode(404).contentType(PROBLEM);
        given().get("/public/v1/media/not-a-hash/original-320-50-50.webp").then().statusCode(400).contentType(PROBLEM);
        given().get("/api/media/renditions/" + "0".repeat(64) + "/original-320-50-50.webp").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void tooLargeAnUploadIsRefusedAtTheGateway() {
        given().header("Authorization", SystemExtension.bearer("alice"))
                .multiPart("file", "huge.jpg", new byte[27 * 1024 * 1024], "image/jpeg").post("/api/media")
                .then().statusCode(413).contentType(PROBLEM).body("detail", containsString("MB"));
        given().multiPart("file", "x.jpg", new byte[10], "image/jpeg").post("/api/media").then().statusCode(401).contentType(PROBLEM);
    }
}
