package io.newsroom.cms.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsroom.cms.devstack.Stack;
import io.newsroom.cms.reliability.support.Figures;
import io.newsroom.cms.reliability.support.Http;
import io.newsroom.cms.reliability.support.TrustStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens that must not open anything, against the gateway and every service: none, garbage, {@code alg: none}, an
 * altered signature, an altered payload (a role added), an expired token, a wrong issuer, a wrong audience, a real
 * token from another realm on the same Keycloak, and a real token with junk after its signature. 401 every time, as
 * a problem. The expired, audience-less and other-realm tokens are real ones, made through Keycloak's admin API.
 */
@Order(2)
class TokenAttackTest {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Map<String, String> attacks = new LinkedHashMap<>();
    private static String keycloak;

    @BeforeAll
    static void makeTokens() throws Exception {
        Stack stack = TrustStack.get();
        keycloak = stack.keycloak().baseUrl();
        String admin = form(keycloak + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin").path("access_token").asText();
        String real = TrustStack.tokens().of("erin");
        String[] parts = real.split("\\.");

        // a client whose tokens live 2 s, with the audience the services require
        adminCall(keycloak, admin, "POST", "/admin/realms/cms/clients", Map.of("clientId", "trust-short-lived", "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", "2"),
                "protocolMappers", List.of(audienceMapper())));
        // a client without the audience mapper: a real cms token, but not for the services
        adminCall(keycloak, admin, "POST", "/admin/realms/cms/clients", Map.of("clientId", "trust-no-audience", "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false));
        // another realm on the same Keycloak whose tokens do carry the services' audience and an admin role
        adminCall(keycloak, admin, "POST", "/admin/realms", Map.of("realm", "trust-other", "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", "admin"))),
                "clients", List.of(Map.of("clientId", "cms-cli", "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "protocolMappers", List.of(audienceMapper()))),
                "users", List.of(Map.of("username", "mallory", "enabled", true, "email", "mallory@other.example", "firstName", "Mal",
                        "lastName", "Lory", "credentials", List.of(Map.of("type", "password", "value", "mallory", "temporary", false)),
                        "realmRoles", List.of("admin")))));
        // a user of the cms realm whose password the lockout test guesses (no demo user may be locked out)
        adminCall(keycloak, admin, "POST", "/admin/realms/cms/users", Map.of("username", "trust-guessed", "enabled", true,
                "email", "guessed@example.test", "firstName", "Gus", "lastName", "Essed", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", "trust-guessed", "temporary", false))));

        String expiring = form(keycloak + "/realms/cms/protocol/openid-connect/token",
                "grant_type=password&client_id=trust-short-lived&username=root&password=root").path("access_token").asText();
        attacks.put("no token", null);
        attacks.put("garbage", "Bearer garbage");
        attacks.put("empty bearer", "Bearer ");
        attacks.put("basic credentials", "Basic " + Base64.getEncoder().encodeToString("root:root".getBytes(StandardCharsets.UTF_8)));
        attacks.put("alg none", "Bearer " + B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
        attacks.put("altered signature", "Bearer " + parts[0] + "." + parts[1] + "." + flip(parts[2]));
        attacks.put("altered payload (admin role added)", "Bearer " + parts[0] + "." + withAdminRole(parts[1]) + "." + parts[2]);
        attacks.put("wrong issuer (master realm)", "Bearer " + form(keycloak + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin").path("access_token").asText());
        attacks.put("wrong audience", "Bearer " + form(keycloak + "/realms/cms/protocol/openid-connect/token",
                "grant_type=password&client_id=trust-no-audience&username=root&password=root").path("access_token").asText());
        attacks.put("real token of another realm", "Bearer " + form(keycloak + "/realms/trust-other/protocol/openid-connect/token",
                "grant_type=password&client_id=cms-cli&username=mallory&password=mallory").path("access_token").asText());
        attacks.put("junk after the signature: !!", "Bearer " + real + "!!");
        attacks.put("junk after the signature: *", "Bearer " + real + "*");
        attacks.put("junk after the signature: non-ASCII", "Bearer " + real + "é");
        attacks.put("padding after the signature", "Bearer " + real + "==");
        attacks.put("two tokens", "Bearer " + real + " " + real);
        Thread.sleep(3_500); // past the short-lived token's 2 s (no clock skew is allowed)
        attacks.put("expired", "Bearer " + expiring);
    }

    @Test
    void everyAttackIsA401ProblemEverywhere() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("gateway", TrustStack.gateway() + "/api/articles");
        targets.put("gateway (authors)", TrustStack.gateway() + "/api/authors");
        targets.put("articles", TrustStack.service("articles") + "/articles");
        targets.put("authors", TrustStack.service("authors") + "/authors");
        targets.put("curation", TrustStack.service("curation") + "/lists");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> target : targets.entrySet()) {
            for (Map.Entry<String, String> attack : attacks.entrySet()) {
                Map<String, String> headers = attack.getValue() == null ? Map.of() : Map.of("Authorization", attack.getValue());
                Http.Answer answer = Http.send(new Http.Call("GET", target.getValue(), headers, null));
                sent++;
                if (answer.status() != 401 || !answer.isProblem()) {
                    failures.add(target.getKey() + " with " + attack.getKey() + " → " + answer);
                }
            }
            // and the real token still works there
            Http.Answer ok = Http.send(new Http.Call("GET", target.getValue(), TrustStack.auth("root"), null));
            assertEquals(200, ok.status(), target.getKey() + " with a valid token: " + ok);
        }
        Figures.add("token attacks: requests", sent);
        Figures.add("token attacks: not refused with 401", failures.size());
        System.out.printf("[trust] token attacks: %d kinds × %d targets = %d requests, %d not refused with a 401 problem%n",
                attacks.size(), targets.size(), sent, failures.size());
        assertEquals(List.of(), failures);
    }

    /**
     * Keycloak's brute-force protection must not refuse a right password because another login of the same user is
     * under way (the tests of two modules logging in bob at once failed that way in CI), and must still lock out a
     * guesser: a few quick wrong passwords and the right one is refused too.
     */
    @Test
    void concurrentLoginsOfOneUserAllSucceedWhileGuessingHerPasswordLocksHerOut() {
        String tokenUrl = keycloak + "/realms/cms/protocol/openid-connect/token";
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        List<Http.Call> logins = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            logins.add(new Http.Call("POST", tokenUrl, form, "grant_type=password&client_id=cms-cli&username=carl&password=carl"));
        }
        List<Http.Answer> answers = Http.sendAll(logins, 8);
        assertEquals(List.of(), answers.stream().filter(a -> a.status() != 200).toList(), "8 logins of carl at a time");

        String guess = "grant_type=password&client_id=cms-cli&username=trust-guessed&password=";
        for (String wrong : List.of("password", "123456", "trust-guesse")) {
            Http.Answer refused = Http.send(new Http.Call("POST", tokenUrl, form, guess + wrong));
            assertEquals("invalid_grant", refused.json().path("error").asText(), "wrong password " + wrong + " → " + refused);
        }
        Http.Answer locked = Http.send(new Http.Call("POST", tokenUrl, form, guess + "trust-guessed"));
        assertEquals("invalid_grant", locked.json().path("error").asText(), "the right password after quick guesses → " + locked);
    }

    private static Map<String, Object> audienceMapper() {
        return Map.of("name", "cms-backend-audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", "cms-backend", "access.token.claim", "true", "id.token.claim", "false"));
    }

    private static String flip(String signature) {
        char[] chars = signature.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String withAdminRole(String payload) throws Exception {
        ObjectNode claims = (ObjectNode) Http.JSON.readTree(B64D.decode(payload));
        ObjectNode access = claims.has("realm_access") ? (ObjectNode) claims.get("realm_access") : claims.putObject("realm_access");
        ArrayNode roles = access.has("roles") ? (ArrayNode) access.get("roles") : access.putArray("roles");
        roles.add("admin");
        return B64.encodeToString(Http.JSON.writeValueAsBytes(claims));
    }

    private static JsonNode form(String url, String form) {
        Http.Answer answer = Http.send(new Http.Call("POST", url, Map.of("Content-Type", "application/x-www-form-urlencoded"), form));
        assertEquals(200, answer.status(), url + " → " + answer);
        return answer.json();
    }

    private static void adminCall(String keycloak, String adminToken, String method, String path, Object body) {
        Http.Call call = new Http.Call(method, keycloak + path, Map.of("Authorization", "Bearer " + adminToken,
                "Content-Type", "application/json"), Http.json(body));
        Http.Answer answer = Http.send(call);
        if (answer.status() == -1) {
            // Keycloak's set-up, not the system under test: creating a realm took over 30 s once on a loaded machine (CI at
            // 6412624). Sent again, it answers 201, or 409 when the first one got through after all.
            answer = Http.send(call);
        }
        assertTrue(answer.status() == 201 || answer.status() == 204 || answer.status() == 409, method + " " + path + " → " + answer);
    }

}
