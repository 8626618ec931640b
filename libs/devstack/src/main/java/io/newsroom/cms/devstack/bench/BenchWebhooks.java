package io.newsroom.cms.devstack.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsroom.cms.devstack.GatewayClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook fan-out (issue 17): R receivers in this JVM (JDK HttpServer on free ports, 4 threads each, answering 204 at
 * once, checking every signature the Standard Webhooks way), one endpoint registered per receiver for
 * {@code article.published}; then events produced straight to {@code cms.articles.published} with a plain
 * KafkaProducer (so this measures the webhooks service's fan-out, not the articles service's outbox relay), a small
 * article document each ({@code "authors": []}), headers as the articles service sets them, event ids far above the
 * real ones. Warm-up: 100 events at 25/s, all awaited. Then a) steady: RATE events/s for SECONDS s; b) burst: BURST events at once.
 * Delay = a receiver's arrival (nanoTime) − the producer's send call for that article (matched by the body's
 * {@code data.id}). CPU time and RSS of the webhooks JVM come from /proc. At the end the endpoints are deleted and every
 * bench article gets a tombstone (the gateways drop them; the compacted topic forgets them).
 * Usage: BenchWebhooks ISSUER GATEWAY KAFKA WEBHOOKS_PID CLK_TCK WEBHOOKS_URL [RECEIVERS RATE SECONDS BURST]
 */
public final class BenchWebhooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "cms.articles.published";
    private static final String DESCRIPTION = "bench-webhooks";

    private final ConcurrentHashMap<String, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicInteger invalid = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();
    private final AtomicLong eventId = new AtomicLong(System.currentTimeMillis() * 1000);
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private int slugCounter;

    private BenchWebhooks() {
    }

    /** One phase's events and arrivals. */
    static final class Phase {
        final String name;
        final int expected;
        final AtomicInteger arrived = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();
        final AtomicLong lastArrival = new AtomicLong();
        volatile long firstSend;
        volatile long lastSend;

        Phase(String name, int expected) {
            this.name = name;
            this.expected = expected;
        }
    }

    record Sent(Phase phase, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        new BenchWebhooks().bench(args);
    }

    private void bench(String[] args) throws Exception {
        String issuer = args[0];
        GatewayClient api = new GatewayClient(args[1], issuer);
        String bootstrap = args[2];
        long pid = Long.parseLong(args[3]);
        long ticks = Long.parseLong(args[4]);
        String webhooksUrl = args[5];
        int receivers = args.length > 6 ? Integer.parseInt(args[6]) : 10;
        int rate = args.length > 7 ? Integer.parseInt(args[7]) : 50;
        int seconds = args.length > 8 ? Integer.parseInt(args[8]) : 30;
        int burst = args.length > 9 ? Integer.parseInt(args[9]) : 1000;

        removeBenchEndpoints(api);
        List<HttpServer> servers = new ArrayList<>();
        List<ExecutorService> pools = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (int r = 0; r < receivers; r++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            server.setExecutor(pool);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            HttpResponse<String> created = api.expect(201, "POST", "/api/webhooks", "root", null,
                    Map.of("url", url, "events", List.of("article.published"), "kind", "standard", "description", DESCRIPTION));
            JsonNode endpoint = JSON.readTree(created.body());
            endpoints.add(endpoint.path("id").asText());
            byte[] key = Base64.getDecoder().decode(endpoint.path("secret").asText().substring("whsec_".length()));
            Set<String> seen = ConcurrentHashMap.newKeySet();
            ThreadLocal<Mac> mac = ThreadLocal.withInitial(() -> {
                try {
                    Mac m = Mac.getInstance("HmacSHA256");
                    m.init(new SecretKeySpec(key, "HmacSHA256"));
                    return m;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            server.createContext("/hook", exchange -> receive(exchange, mac.get(), seen));
            server.start();
            servers.add(server);
            pools.add(pool);
        }
        KafkaProducer<String, String> producer = Kafka.producer(bootstrap);
        String deliveriesBefore = attempts(webhooksUrl);
        try {
            Phase warm = new Phase("warm-up", 100 * receivers);
            paced(producer, warm, 100, 25);
            await(warm, Duration.ofSeconds(60));

            long[] cpu0 = cpu(pid);
            String rss0 = rss(pid);
            Phase steady = new Phase("steady", rate * seconds * receivers);
            paced(producer, steady, rate * seconds, rate);
            await(steady, Duration.ofSeconds(60));
            long[] cpu1 = cpu(pid);

            Phase spike = new Phase("burst", burst * receivers);
            spike.firstSend = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                send(producer, spike);
            }
            Kafka.flush(producer);
            await(spike, Duration.ofSeconds(120));
            long[] cpu2 = cpu(pid);
            String rss2 = rss(pid);
            String deliveriesAfter = attempts(webhooksUrl);

            System.out.println("| webhook fan-out, " + receivers + " endpoints | deliveries | delivered | time | deliveries/s | delay p50 | p99 | max |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            System.out.println(row(steady, rate + " events/s for " + seconds + " s"));
            System.out.println(row(spike, burst + " events at once"));
            System.out.println();
            System.out.printf("Time: from the first send to the last arrival. Delay: from the producer's send call to the receiver's "
                    + "arrival, per delivery. Warm-up before: %d events at 25/s (%d deliveries, all arrived).%n", 100, warm.arrived.get());
            System.out.printf("Signatures checked: %d invalid. Duplicate deliveries (same webhook-id twice at one receiver): %d. "
                    + "Deliveries of other events: %d.%n", invalid.get(), duplicates.get(), unknown.get());
            System.out.printf("Webhooks JVM CPU time: steady %s (%s per delivery), burst %s (%s per delivery); RSS %s before, %s after "
                    + "(peak %s).%n", cpuMs(cpu0, cpu1, ticks), cpuPer(cpu0, cpu1, ticks, steady.arrived.get()),
                    cpuMs(cpu1, cpu2, ticks), cpuPer(cpu1, cpu2, ticks, spike.arrived.get()), rss0, rss2, hwm(pid));
            System.out.printf("Webhooks service attempts (its /q/metrics cms_webhooks_attempts_total, whole run incl. warm-up): before %s; after %s.%n",
                    deliveriesBefore, deliveriesAfter);
        } finally {
            for (String id : endpoints) {
                HttpResponse<String> current = api.send("GET", "/api/webhooks/" + id, "root", null, null);
                if (current.statusCode() == 200) {
                    JsonNode stats = JSON.readTree(current.body()).path("stats");
                    if (stats.path("failed").asLong() > 0 || stats.path("pending").asLong() > 0) {
                        System.out.println("Endpoint " + id + ": " + stats);
                    }
                    api.send("DELETE", "/api/webhooks/" + id, "root", GatewayClient.etag(current), null);
                }
            }
            for (HttpServer server : servers) {
                server.stop(0);
            }
            pools.forEach(ExecutorService::shutdownNow);
            // the bench articles leave the compacted topic (and the gateways' caches) again
            for (var entry : sent.entrySet()) {
                Kafka.send(producer, TOPIC, entry.getKey(), null, Map.of("cms-event-id", Long.toString(eventId.incrementAndGet()),
                        "cms-event-type", "article.unpublished", "cms-event-time", Instant.now().toString(), "cms-slugs", slugOf(entry.getKey())));
            }
            Kafka.flush(producer);
            Kafka.close(producer);
        }
    }

    private final ConcurrentHashMap<String, String> slugs = new ConcurrentHashMap<>();

    private String slugOf(String id) {
        return slugs.getOrDefault(id, "bench-hook-" + id);
    }

    /** {@code count} events at {@code perSecond}, each sent at its own time (start + i / rate). */
    private void paced(KafkaProducer<String, String> producer, Phase phase, int count, int perSecond) throws Exception {
        long start = System.nanoTime();
        phase.firstSend = start;
        long gap = 1_000_000_000L / perSecond;
        for (int i = 0; i < count; i++) {
            long due = start + i * gap;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send(producer, phase);
        }
        Kafka.flush(producer);
    }

    private void send(KafkaProducer<String, String> producer, Phase phase) throws Exception {
        String id = UUID.randomUUID().toString();
        String slug = "bench-hook-" + run + "-" + (slugCounter++);
        String now = Instant.now().toString();
        String value = "{\"id\":\"" + id + "\",\"slug\":\"" + slug + "\",\"headline\":\"Webhook bench " + slug
                + "\",\"dek\":null,\"bodyHtml\":\"<p>Webhook bench.</p>\",\"heroImage\":null,\"tags\":[\"bench\"],\"publishedAt\":\""
                + now + "\",\"updatedAt\":\"" + now + "\",\"revision\":1,\"authors\":[],\"authorsDegraded\":false}";
        slugs.put(id, slug);
        long nanos = System.nanoTime();
        sent.put(id, new Sent(phase, nanos));
        Kafka.send(producer, TOPIC, id, value, Map.of("cms-event-id", Long.toString(eventId.incrementAndGet()),
                "cms-event-type", "article.published", "cms-event-time", now, "cms-slugs", slug));
        phase.lastSend = nanos;
    }

    private void receive(HttpExchange exchange, Mac mac, Set<String> seen) {
        long arrival = System.nanoTime();
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!valid(mac, id, timestamp, body, signatures)) {
                invalid.incrementAndGet();
            }
            if (id == null || !seen.add(id)) {
                duplicates.incrementAndGet();
                return;
            }
            JsonNode data = JSON.readTree(body).path("data");
            Sent s = sent.get(data.path("id").asText(""));
            if (s == null) {
                unknown.incrementAndGet();
                return;
            }
            s.phase.delays.add(arrival - s.nanos);
            s.phase.lastArrival.accumulateAndGet(arrival, Math::max);
            s.phase.arrived.incrementAndGet();
        } catch (Exception e) {
            System.err.println("receiver: " + e);
        } finally {
            exchange.close();
        }
    }

    private static boolean valid(Mac mac, String id, String timestamp, byte[] body, String signatures) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        mac.reset();
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        for (String signature : signatures.trim().split(" +")) {
            if (signature.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException ignored) {
                    // not base64: not a match
                }
            }
        }
        return false;
    }

    private static void await(Phase phase, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (phase.arrived.get() < phase.expected && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        if (phase.arrived.get() < phase.expected) {
            System.out.printf("(%s: only %d of %d deliveries arrived within %d s)%n", phase.name, phase.arrived.get(), phase.expected,
                    timeout.toSeconds());
        }
    }

    private static String row(Phase phase, String what) {
        long[] delays = phase.delays.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = (phase.lastArrival.get() - phase.firstSend) / 1e9;
        return String.format("| %s | %d | %d | %.2f s | %.0f | %s | %s | %s |", what, phase.expected, phase.arrived.get(), seconds,
                phase.arrived.get() / seconds, ms(delays, 0.5), ms(delays, 0.99), ms(delays, 1.0));
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "–";
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return String.format("%.0f ms", sorted[Math.max(0, index)] / 1e6);
    }

    /** utime and stime of a process, in clock ticks. */
    private static long[] cpu(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[]{Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    private static String cpuMs(long[] before, long[] after, long ticks) {
        long ms = ((after[0] + after[1]) - (before[0] + before[1])) * 1000 / ticks;
        return String.format("%,d ms (user %,d, system %,d)", ms, (after[0] - before[0]) * 1000 / ticks,
                (after[1] - before[1]) * 1000 / ticks);
    }

    private static String cpuPer(long[] before, long[] after, long ticks, int deliveries) {
        long micros = ((after[0] + after[1]) - (before[0] + before[1])) * 1_000_000 / ticks;
        return deliveries == 0 ? "–" : String.format("%d µs", micros / deliveries);
    }

    private static String rss(long pid) throws Exception {
        return status(pid, "VmRSS:");
    }

    private static String hwm(long pid) throws Exception {
        return status(pid, "VmHWM:");
    }

    private static String status(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                long kb = Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                return String.format("%d MiB", kb / 1024);
            }
        }
        return "?";
    }

    /** The webhooks service's attempt counters, from its Prometheus metrics. */
    private static String attempts(String webhooksUrl) {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webhooksUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            List<String> lines = new ArrayList<>();
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("cms_webhooks_attempts_total")) {
                    lines.add(line.substring("cms_webhooks_attempts_total".length()).trim());
                }
            }
            return lines.isEmpty() ? "(none yet)" : String.join(", ", lines);
        } catch (Exception e) {
            return "(metrics unreadable: " + e + ")";
        }
    }

    /** Endpoints a bench run before left behind (it died before deleting them). */
    private static void removeBenchEndpoints(GatewayClient api) throws Exception {
        for (JsonNode endpoint : JSON.readTree(api.expect(200, "GET", "/api/webhooks", "root", null, null).body()).path("items")) {
            if (DESCRIPTION.equals(endpoint.path("description").asText())) {
                String id = endpoint.path("id").asText();
                HttpResponse<String> current = api.expect(200, "GET", "/api/webhooks/" + id, "root", null, null);
                api.send("DELETE", "/api/webhooks/" + id, "root", GatewayClient.etag(current), null);
            }
        }
    }

    /** A plain Kafka producer of string records with headers. */
    static final class Kafka {
        private Kafka() {
        }

        static KafkaProducer<String, String> producer(String bootstrap) {
            Properties settings = new Properties();
            settings.put("bootstrap.servers", bootstrap);
            settings.put("key.serializer", StringSerializer.class.getName());
            settings.put("value.serializer", StringSerializer.class.getName());
            settings.put("acks", "all");
            settings.put("linger.ms", "1");
            settings.put("client.id", "bench-webhooks");
            return new KafkaProducer<>(settings);
        }

        static Future<?> send(KafkaProducer<String, String> producer, String topic, String key, String value, Map<String, String> headerValues) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headerValues.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record);
        }

        static void flush(KafkaProducer<String, String> producer) {
            producer.flush();
        }

        static void close(KafkaProducer<String, String> producer) {
            producer.close();
        }
    }
}
