package io.newsroom.cms.e2e.browser;

import com.sun.net.httpserver.HttpServer;
import io.newsroom.cms.e2e.SystemExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin connects an outside system: registers an endpoint in the Webhooks page (a bad address is explained at its
 * field first), copies the signing secret shown once, sends a test ping and sees it delivered in the log; the receiver
 * is a real HTTP server in this test. A writer who opens the page is told it is for admins. Screenshots: 60-*.
 */
@ExtendWith(SystemExtension.class)
class WebhooksBrowserTest {
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/cms-hooks", exchange -> {
            // the body: other classes publish meanwhile, and this endpoint also takes article.published
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void anAdminRegistersAnEndpointSeesTheSecretOnceAndAPingDelivered() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cms-hooks";
        try (Browser root = Browser.signIn("root")) {
            root.open("/webhooks");
            root.click(By.cssSelector("[data-testid=add-endpoint]"));
            root.waitFor(By.cssSelector("[data-testid=endpoint-dialog]"));
            root.type(By.cssSelector("[data-testid=endpoint-url]"), "ftp://files.example/drop");
            root.click(By.cssSelector("[data-testid=save-endpoint]"));
            root.waitForText(By.cssSelector("[data-testid=endpoint-form]"), "Use an address starting with https://");
            root.waitForText(By.cssSelector("[data-testid=endpoint-form]"), "Choose at least one event");
            root.screenshot("60-webhook-bad-address");

            root.replace(By.cssSelector("[data-testid=endpoint-url]"), url);
            root.type(By.cssSelector("[data-testid=endpoint-description]"), "Search index");
            root.click(By.cssSelector("[data-testid='event-article.published']"));
            root.click(By.cssSelector("[data-testid='event-article.unpublished']"));
            root.click(By.cssSelector("[data-testid=save-endpoint]"));
            String secret = root.waitFor(By.cssSelector("[data-testid=secret-value]")).getText().trim();
            if (secret.isEmpty()) {
                secret = String.valueOf(root.waitFor(By.cssSelector("[data-testid=secret-value]")).getAttribute("value"));
            }
            assertTrue(secret.startsWith("whsec_"), "the signing secret is shown once: " + secret);
            root.screenshot("60-webhook-secret-once");
            root.click(By.cssSelector("[data-testid=secret-done]"));

            root.waitForText(By.cssSelector("[data-testid=endpoint-table]"), url);
            root.click(By.xpath("//a[@data-testid='endpoint-link' and contains(., " + Browser.xpathLiteral(url) + ")]"));
            root.click(By.cssSelector("[data-testid=send-ping]"));
            // the ping's own row (the endpoint also takes article.published, which other stories may send it meanwhile)
            root.until(d -> {
                root.click(By.cssSelector("[data-testid=refresh-deliveries]"));
                return !d.findElements(By.xpath("//tr[@data-testid='delivery-row' and @data-status='delivered']"
                        + "[.//code[normalize-space()='webhook.ping']]")).isEmpty();
            });
            assertTrue(received.stream().anyMatch(body -> body.matches("(?s).*\"type\"\\s*:\\s*\"webhook\\.ping\".*")), "the receiver got the ping");
            root.screenshot("60-webhook-ping-delivered");
            assertFalse(root.driver.getPageSource().contains(secret), "the secret is not shown again");
        }
        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/webhooks");
            alice.waitForText(By.cssSelector("[data-testid=not-allowed]"), "Only admins manage webhooks");
            alice.screenshot("60-webhooks-not-for-writers");
        }
    }
}
