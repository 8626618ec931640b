package io.newsroom.cms.devstack.testing;

import io.newsroom.cms.devstack.Tokens;

/** Real Keycloak tokens inside a {@code @QuarkusTest} that uses {@link KeycloakResource}. */
public final class TestTokens {
    private static Tokens tokens;

    private TestTokens() {
    }

    /** A current access token of a demo user: alice, bob (writer), erin (editor), carl (curator), root (admin). */
    public static synchronized String of(String user) {
        return tokens().of(user);
    }

    private static Tokens tokens() {
        if (tokens == null) {
            tokens = new Tokens(KeycloakResource.issuer());
        }
        return tokens;
    }

    /** {@code Bearer <token>} of the articles service's own account (client credentials). */
    public static synchronized String articlesService() {
        return "Bearer " + tokens().articlesService();
    }

    /** {@code Bearer <token>} of the authors service's own account. */
    public static synchronized String authorsService() {
        return "Bearer " + tokens().authorsService();
    }

    /** {@code Bearer <token>} of the curation service's own account. */
    public static synchronized String curationService() {
        return "Bearer " + tokens().curationService();
    }

    /** {@code Bearer <token>} for an Authorization header. */
    public static String bearer(String user) {
        return "Bearer " + of(user);
    }
}
