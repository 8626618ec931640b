package io.newsroom.cms.media;

import io.newsroom.cms.devstack.testing.TestTokens;
import io.newsroom.cms.media.client.SourceAddresses;
import io.newsroom.cms.media.domain.MediaItem;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

import static io.newsroom.cms.media.Pictures.picture;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Imports as in production ({@code cms.media.imports.allow-private-sources=false}): an address on this machine or in a
 * private network is refused with a 400 at {@code url}, before anything is fetched, and so is a redirect there from a
 * public source. The public source is the test's website on this machine under the name {@value #PUBLIC}, which only
 * this test takes for a public host; every other host is checked by the real rule.
 */
@QuarkusTest
@TestProfile(PrivateSourcesRefusedTest.AsInProduction.class)
class PrivateSourcesRefusedTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String PUBLIC = "pictures.test";
    private static PictureSource source;

    /** The SSRF guard on, as in Kubernetes. */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.media.imports.allow-private-sources", "false");
        }
    }

    @Inject
    SourceAddresses addresses;

    @Inject
    S3Client s3;

    @BeforeAll
    static void startSource() throws IOException {
        source = new PictureSource();
    }

    @AfterAll
    static void stopSource() {
        source.close();
    }

    @BeforeEach
    void theTestWebsiteCountsAsPublic() {
        SourceAddresses real = ClientProxy.unwrap(addresses);
        QuarkusMock.installMockForType(new SourceAddresses() {
            @Override
            public InetAddress approve(String host, long deadline) {
                return host.equals(PUBLIC) ? InetAddress.getLoopbackAddress() : real.approve(host, deadline);
            }
        }, SourceAddresses.class);
    }

    private static Response importing(String url) {
        return given().log().ifValidationFails().header("Authorization", TestTokens.bearer("alice"))
                .contentType(ContentType.JSON).body(Map.of("url", url, "altText", "A picture")).post("/media/imports");
    }

    private static ValidatableResponse refusedAtUrl(String url) {
        return importing(url).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("url"))
                .body("detail", containsString("private network"));
    }

    private int originals() {
        return s3.listObjectsV2(b -> b.bucket("cms-media").prefix("originals/")).keyCount();
    }

    @Test
    void addressesOnThisMachineAndInPrivateNetworksAreRefused() {
        source.put("local.jpg", picture("jpg", 200, 100));
        long items = MediaItem.count();
        int objects = originals();

        refusedAtUrl(source.url("/pictures/local.jpg")).body("detail", containsString("127.0.0.1, a loopback address"));
        refusedAtUrl(source.url("localhost", "/pictures/local.jpg")).body("detail", containsString("the host localhost resolves to"));
        refusedAtUrl("http://10.0.0.8/pictures/local.jpg").body("detail", containsString("10.0.0.8, a private network address"));
        refusedAtUrl("http://[::ffff:192.168.1.20]/local.jpg").body("detail", containsString("192.168.1.20"));
        refusedAtUrl("http://[fd12::1]:8080/local.jpg");
        refusedAtUrl("http://100.64.0.1/local.jpg");
        refusedAtUrl("http://169.254.169.254/latest/meta-data/").body("detail", containsString("cloud metadata"));

        assertEquals(items, MediaItem.count(), "no item recorded");
        assertEquals(objects, originals(), "no original left in the bucket");
    }

    @Test
    void aPublicSourceIsImportedAndEveryRedirectIsCheckedLikeIt() {
        source.put("public.jpg", picture("jpg", 320, 240));
        source.put("secret.jpg", picture("jpg", 321, 240));
        importing(source.url(PUBLIC, "/pictures/public.jpg")).then().statusCode(201).body("item.width", is(320))
                .body("item.source", is(source.url(PUBLIC, "/pictures/public.jpg")));
        // redirects within the public source are followed, each hop checked again
        importing(source.url(PUBLIC, "/redirect/2/pictures/public.jpg")).then().statusCode(200).body("alreadyInLibrary", is(true));

        long items = MediaItem.count();
        int objects = originals();
        String secret = source.url("/pictures/secret.jpg");
        refusedAtUrl(source.url(PUBLIC, "/redirect/away?to=" + secret)).body("detail", containsString("loopback"));
        refusedAtUrl(source.url(PUBLIC, "/redirect/away?to=" + source.url("localhost", "/pictures/secret.jpg")))
                .body("detail", containsString("the host localhost resolves to"));
        refusedAtUrl(source.url(PUBLIC, "/redirect/away?to=http://10.1.2.3/pictures/secret.jpg"));
        assertEquals(items, MediaItem.count(), "no item recorded");
        assertEquals(objects, originals(), "no original left in the bucket");
    }
}
