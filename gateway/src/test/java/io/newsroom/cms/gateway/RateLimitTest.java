package io.newsroom.cms.gateway;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With rate limiting on, a burst from one client gets 429 + Retry-After after its allowance. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {
    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.public-api.rate-limit.enabled", "true", "cms.public-api.rate-limit.per-second", "1",
                    "cms.public-api.rate-limit.burst", "5");
        }
    }

    @Test
    void aBurstIsLimited() {
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            int status = given().get("/public/v1/feed.xml").statusCode();
            if (status == 429) {
                limited++;
            }
        }
        assertTrue(limited >= 6, "limited " + limited + " of 12");
        given().get("/public/v1/feed.xml").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // the editor API is not rate limited by this
        given().get("/api/articles").then().statusCode(401);
    }
}
