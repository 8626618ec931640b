package io.newsroom.cms.reliability.support;

import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.devstack.Stack;
import io.newsroom.cms.devstack.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The system under attack: the packaged services, the gateway, Keycloak, and stores of the suite's own (an embedded
 * PostgreSQL and a MongoDB wire server it can stop and start), started once per test JVM the way {@code ./cms up} and
 * e2e start it, on free ports, with throw-away data. Shared by the Jupiter tests and the jqwik properties; stopped
 * when the JVM ends.
 */
public final class TrustStack {
    private static Stack stack;
    private static Tokens tokens;

    private TrustStack() {
    }

    public static synchronized Stack get() {
        if (stack == null) {
            Path root = Env.repoRoot();
            try {
                Path data = Files.createTempDirectory("cms-trust-");
                stack = Stack.start(new Stack.Options(root, data, root.resolve("reliability/target/stack-logs"), Stack.Ports.free(),
                        false, true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tokens = new Tokens(stack.issuer());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                Figures.print();
            }, "stop-trust-stack"));
        }
        return stack;
    }

    public static String gateway() {
        return get().gatewayUrl();
    }

    /** A service's (or replica's) base URL: articles, authors, curation. */
    public static String service(String name) {
        return get().url(name);
    }

    public static Tokens tokens() {
        get();
        return tokens;
    }

    /** {@code Bearer ...} of a demo user, or of the articles service's account for {@code "articles-service"}. */
    public static String bearer(String user) {
        return "Bearer " + (user.equals("articles-service") ? tokens().articlesService() : tokens().of(user));
    }

    public static Map<String, String> auth(String user) {
        return user == null ? Map.of() : Map.of("Authorization", bearer(user));
    }

    /** Heavier variants (more requests, longer outages): {@code -Dcms.trust.heavy=true}. */
    public static boolean heavy() {
        return Boolean.getBoolean("cms.trust.heavy") || "true".equals(System.getenv("CMS_TRUST_HEAVY"));
    }
}
