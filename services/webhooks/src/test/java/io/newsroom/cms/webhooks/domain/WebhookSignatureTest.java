package io.newsroom.cms.webhooks.domain;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    /**
     * The Standard Webhooks test vector, as the specification's reference libraries test their signers with it
     * (standard-webhooks/standard-webhooks, libraries/java WebhookTest "verifyWebhookSignWorks", and the other
     * languages' tests): secret {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}, id {@code msg_p5jXN8AQM9LWM0D4loKWxJek},
     * timestamp 1614265330, body {@code {"test": 2432232314}}. Also recomputed independently (Python's hmac module)
     * before it was written down here.
     */
    @Test
    void signsThePublishedTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                        "{\"test\": 2432232314}"));
        // the prefix is optional, as in the reference libraries
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void newSecretsAreTwentyFourRandomBytesAfterWhsec() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSignature.newSecret();
            assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{32}"), secret);
            assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
            assertTrue(seen.add(secret));
        }
    }
}
