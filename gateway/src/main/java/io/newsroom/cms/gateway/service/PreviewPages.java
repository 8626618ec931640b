package io.newsroom.cms.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.gateway.client.ContentBackends;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The preview page of a preview link ({@code /preview/{token}}): the articles service is asked what the token opens,
 * every time (nothing is cached: a revoked link must fail at once, and the page is nobody's but its holder's). What the
 * answer is: the page (200), the same not-found page for every token that opens nothing (404: unknown, altered,
 * expired, revoked, or not even the shape of a token, which is never sent on), or "try again" while the service cannot
 * be asked (503). The token is never logged.
 */
@ApplicationScoped
public class PreviewPages {
    private static final Logger LOG = Logger.getLogger(PreviewPages.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What to send: the status, the HTML, and the nonce its style element carries (for the CSP header). */
    public record Page(int status, String html, String nonce) {
        public String contentSecurityPolicy() {
            return PreviewHtml.contentSecurityPolicy(nonce);
        }
    }

    @Inject
    ContentBackends backends;

    @Inject
    ObjectMapper json;

    public Uni<Page> page(String token) {
        String nonce = nonce();
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Uni.createFrom().item(new Page(404, PreviewHtml.notFound(nonce), nonce));
        }
        return backends.preview(token).map(answer -> {
            if (answer.status() == 200) {
                return render(answer.body(), nonce);
            }
            if (answer.status() >= 400 && answer.status() < 500) {
                return new Page(404, PreviewHtml.notFound(nonce), nonce);
            }
            LOG.warnf("The articles service answered a preview with %d", answer.status());
            return new Page(503, PreviewHtml.unavailable(nonce), nonce);
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("A preview could not be asked for: %s", failure.getMessage());
            return new Page(503, PreviewHtml.unavailable(nonce), nonce);
        });
    }

    private Page render(byte[] body, String nonce) {
        try {
            JsonNode document = json.readTree(body);
            return new Page(200, PreviewHtml.article(document, nonce), nonce);
        } catch (IOException e) {
            LOG.warn("The articles service answered a preview that is not JSON");
            return new Page(503, PreviewHtml.unavailable(nonce), nonce);
        }
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
