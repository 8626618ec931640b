package io.newsroom.cms.e2e;

import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.devstack.Stack;
import io.newsroom.cms.devstack.Tokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the whole system once for all e2e test classes (free ports, throw-away data, logs under
 * e2e/target/stack-logs) and stops it when the test run ends.
 */
public class SystemExtension implements BeforeAllCallback {
    public static final int GATEWAY_PORT = 18080;
    private static Stack stack;
    private static Tokens tokens;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SystemExtension.class) {
            if (stack == null) {
                Path root = Env.repoRoot();
                try {
                    Path data = Files.createTempDirectory("cms-e2e-");
                    // the gateway on 18080: the realm lets the editor app (browser tests) log in from there. In ./cms test,
                    // the Keycloak the modules' tests share (one boot less; nothing here stops it)
                    String shared = Env.get("CMS_TEST_KEYCLOAK_SHARED_DIR", "");
                    stack = Stack.start(new Stack.Options(root, data, root.resolve("e2e/target/stack-logs"),
                            Stack.Ports.freeWithGateway(GATEWAY_PORT), false, false, shared.isEmpty() ? null : Path.of(shared)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                tokens = new Tokens(stack.issuer());
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("cms-stack", (ExtensionContext.Store.CloseableResource) stack::close);
            }
        }
        RestAssured.baseURI = stack.gatewayUrl();
        RestAssured.port = -1;
    }

    public static Stack stack() {
        return stack;
    }

    public static String bearer(String user) {
        return "Bearer " + tokens.of(user);
    }

    /** The current ETag of a versioned resource of the editor API (read as an admin), for If-Match. */
    public static String etag(String path) {
        return RestAssured.given().header("Authorization", bearer("root")).get(path).then().statusCode(200).extract().header("ETag");
    }
}
