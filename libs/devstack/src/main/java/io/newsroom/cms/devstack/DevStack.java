package io.newsroom.cms.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./cms up}: starts the local stack on the fixed local ports with data under {@code .cms/data} and logs under
 * {@code .cms/logs}, prints URLs and demo logins, then runs until SIGTERM/SIGINT ({@code ./cms down} or Ctrl-C),
 * when it stops exactly the processes it started.
 */
public final class DevStack {
    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path root = Env.repoRoot();
        // CMS_STATE_DIR lets the benchmark run a stack of its own next to the local one's data
        Path state = Path.of(Env.get("CMS_STATE_DIR", root.resolve(".cms").toString()));
        Path logs = state.resolve("logs");
        Files.createDirectories(logs);
        Path pidFile = state.resolve("stack.pid");
        Path readyFile = state.resolve("ready");
        Files.deleteIfExists(readyFile);
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        CountDownLatch stopped = new CountDownLatch(1);
        Stack[] holder = new Stack[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the stack ...");
            if (holder[0] != null) {
                holder[0].close();
            }
            try {
                Files.deleteIfExists(pidFile);
                Files.deleteIfExists(readyFile);
            } catch (IOException ignored) {
                // nothing useful to do while exiting
            }
            stopped.countDown();
            System.out.println("Stopped.");
        }, "cms-down"));

        Stack.Ports ports = Stack.Ports.local();
        Stack stack;
        try {
            stack = Stack.start(new Stack.Options(root, state.resolve("data"), logs, ports, true));
        } catch (RuntimeException e) {
            System.err.println("./cms up failed: " + e.getMessage());
            Files.deleteIfExists(pidFile);
            System.exit(1);
            return;
        }
        holder[0] = stack;
        double seconds = (System.nanoTime() - t0) / 1e9;
        String demo;
        try {
            demo = new DemoContent(stack.gatewayUrl(), stack.issuer()).loadIfMissing()
                    ? "Demo content loaded: " + stack.gatewayUrl() + "/public/v1/articles/" + DemoContent.FULL_ARTICLE
                    : "Demo content present (kept as it is).";
        } catch (RuntimeException e) {
            demo = "Demo content could not be loaded: " + e.getMessage();
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format("%nNewsroom CMS is up (%.1f s).%n%n", seconds));
        out.append(String.format("  Editor app + API   %s/            (API under /api/..., public API under /public/v1/...)%n", stack.gatewayUrl()));
        out.append(String.format("  articles           http://localhost:%d/q/swagger-ui%n", ports.articles()));
        out.append(String.format("  authors            http://localhost:%d/q/swagger-ui%n", ports.authors()));
        out.append(String.format("  curation           http://localhost:%d/q/swagger-ui%n", ports.curation()));
        out.append(String.format("  webhooks           http://localhost:%d/q/swagger-ui  (admins: Webhooks page of the editor app)%n", ports.webhooks()));
        out.append(String.format("  media              http://localhost:%d/q/swagger-ui%n", ports.media()));
        out.append(String.format("  Keycloak           http://localhost:%d/admin  (admin / admin, local only)%n", ports.keycloak()));
        out.append(String.format("  Kafka              %s  (topics cms.articles.published, cms.articles.workflow, cms.authors.profiles, cms.curation.lists)%n", stack.kafkaBootstrap()));
        out.append(String.format("  S3 (S3Mock)        %s  (path-style, any region and keys; bucket cms-media, files in %s)%n",
                stack.s3Endpoint(), state.resolve("data/s3")));
        out.append(String.format("%n  Demo logins (password = username): alice, bob (writer) · erin (editor) · carl (curator) · root (admin)%n"));
        out.append(String.format("  Token:  curl -s -d grant_type=password -d client_id=cms-cli -d username=erin -d password=erin \\%n"));
        out.append(String.format("            %s/protocol/openid-connect/token%n", stack.issuer()));
        out.append(String.format("%n  %s%n", demo));
        out.append(String.format("%n  Logs: %s    Stop: ./cms down (or Ctrl-C)%n%n", logs));
        out.append("  process      pid      ready after   RSS%n".formatted());
        ChildProcess kc = stack.keycloak().process();
        out.append(String.format("  %-12s %-8d %6.1f s      %4d MiB%n", "keycloak", kc.pid(), kc.readyAfterSeconds(), kc.rssMiB()));
        ChildProcess kafka = stack.kafka().process();
        out.append(String.format("  %-12s %-8d %6.1f s      %4d MiB%n", "kafka", kafka.pid(), kafka.readyAfterSeconds(), kafka.rssMiB()));
        ChildProcess s3 = stack.s3().process();
        out.append(String.format("  %-12s %-8d %6.1f s      %4d MiB%n", "s3mock", s3.pid(), s3.readyAfterSeconds(), s3.rssMiB()));
        stack.apps().forEach((name, app) -> out.append(String.format("  %-12s %-8d %6.1f s      %4d MiB%n", name, app.pid(),
                app.readyAfterSeconds(), app.rssMiB())));
        System.out.print(out);
        // ./cms down also stops these if this JVM itself was killed hard and could not stop them
        StringBuilder pids = new StringBuilder().append(kc.pid()).append('\n').append(kafka.pid()).append('\n')
                .append(s3.pid()).append('\n');
        stack.apps().values().forEach(app -> pids.append(app.pid()).append('\n'));
        Files.writeString(state.resolve("children.pids"), pids);
        Files.writeString(readyFile, out.toString());
        stopped.await();
    }
}
