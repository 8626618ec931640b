package io.newsroom.cms.devstack.bench;

import io.newsroom.cms.devstack.MultipartForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.newsroom.cms.devstack.Tokens;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media library's numbers (issue 18), through the gateway as the editor app uploads:
 * <ol>
 *   <li>a camera-sized JPEG (4000 × 3000, about 4.6 MB) uploaded → its answer, and every rendition stored (each
 *   rendition's object polled in the bucket every 20 ms, so nothing is made on request meanwhile): first one right
 *   after the stack started (the media JVM's upload path not compiled yet, the other services still settling), shown
 *   as its own row, then three different pictures one after the other;</li>
 *   <li>a 23.7 MB JPEG (5500 × 4100) uploaded once alone, then 8 different uploads at once, the media JVM's RSS sampled every 50 ms
 *   (run the media service with the heap under test, e.g. -Xmx256m);</li>
 *   <li>the renditions made: their URLs into {@code OUT/renditions.txt} and their bytes under {@code OUT/www/...} at the
 *   same paths, so nginx can serve the very same files beside the gateway (bench/media/run).</li>
 * </ol>
 * Usage: BenchMedia ISSUER GATEWAY S3_ENDPOINT BUCKET MEDIA_PID OUT_DIR
 */
public final class BenchMedia {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY_COUNT = Pattern.compile("<KeyCount>(\\d+)</KeyCount>");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway;
    private final String s3;
    private final String bucket;
    private final long mediaPid;
    private final Tokens tokens;
    /** Every rendition listed, each once (two shapes may list the same files). */
    private final Set<String> renditions = new LinkedHashSet<>();
    /** Every run uploads pictures of its own (the library keeps the last run's: the same bytes would be found again). */
    private final long seed = System.nanoTime();

    private BenchMedia(String issuer, String gateway, String s3, String bucket, long mediaPid) {
        this.gateway = gateway;
        this.s3 = s3;
        this.bucket = bucket;
        this.mediaPid = mediaPid;
        this.tokens = new Tokens(issuer);
    }

    public static void main(String[] args) throws Exception {
        BenchMedia bench = new BenchMedia(args[0], args[1], args[2], args[3], Long.parseLong(args[4]));
        Path out = Path.of(args[5]);
        bench.cameraUploads(Integer.parseInt(System.getenv().getOrDefault("BENCH_MEDIA_PICTURES", "3")));
        if (System.getenv("BENCH_MEDIA_UPLOADS_ONLY") != null) {
            return;
        }
        bench.largeUploads();
        bench.saveRenditions(out);
    }

    /** Part 1: {@code count} 4000 × 3000 JPEGs after the first, each: upload answer, then every rendition in the bucket. */
    private void cameraUploads(int count) throws Exception {
        System.out.println("| 4000 × 3000 JPEG | bytes | upload answered | every rendition stored | renditions |");
        System.out.println("|---|---|---|---|---|");
        List<byte[]> pictures = new ArrayList<>(); // made before any is timed: making one takes a core for a second
        for (int i = 0; i <= count; i++) {
            pictures.add(jpeg(4000, 3000, 0.92f, seed + i));
        }
        if (System.getenv("BENCH_MEDIA_COLD_CLIENT") == null) {
            warmTheClient(pictures.get(0));
        }
        openTheLibrary();
        for (int i = 0; i <= count; i++) {
            byte[] jpeg = pictures.get(i);
            long start = System.nanoTime();
            JsonNode item = upload("camera-" + i + ".jpg", jpeg).path("item");
            long answered = System.nanoTime();
            String hash = item.path("contentHash").asText();
            // each rendition's object asked for in turn (a HEAD: one object looked up), not the bucket listed every 20 ms:
            // listing made S3Mock, on the same cores, take CPU from the service being measured
            Set<String> urls = renditionUrls(item);
            List<String> keys = urls.stream().map(BenchMedia::objectKey).toList();
            int expected = keys.size();
            for (int next = 0; next < keys.size(); ) {
                if (stored(keys.get(next))) {
                    next++;
                    continue;
                }
                Thread.sleep(20);
                if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IllegalStateException("renditions of " + hash + " not all stored after 60 s");
                }
            }
            long ready = System.nanoTime();
            if (objects("renditions/" + hash + "/") != expected) {
                throw new IllegalStateException("expected " + expected + " renditions of " + hash + " in the bucket");
            }
            System.out.printf("| %s | %.1f MB | %d ms | %d ms | %d |%n", i == 0 ? "the first after start" : "picture " + i,
                    jpeg.length / 1e6, millis(start, answered), millis(start, ready), expected);
            renditions.addAll(urls);
        }
    }

    /** Part 2: one 25 MB JPEG alone, then 8 uploads at once, the media JVM's RSS sampled meanwhile. */
    private void largeUploads() throws Exception {
        byte[] large = jpeg(5500, 4100, 1.0f, seed + 99);
        System.out.println();
        System.out.println("| large uploads | bytes | answers | time | media RSS before → peak |");
        System.out.println("|---|---|---|---|---|");
        long before = rssKb();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(rssKb(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        int status = uploadStatus("large.jpg", large);
        System.out.printf("| one of %.1f MB | %d | %d | %d ms | %d → %d MiB |%n", large.length / 1e6, large.length, status,
                millis(start, System.nanoTime()), before / 1024, peak.get() / 1024);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<byte[]> eight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.add(jpeg(5500, 4100, 1.0f, seed + 200 + i));
        }
        long before8 = rssKb();
        peak.set(before8);
        start = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] bytes = eight.get(i);
            int n = i;
            answers.add(pool.submit(() -> uploadStatus("large-" + n + ".jpg", bytes)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        long took = millis(start, System.nanoTime());
        Thread.sleep(5_000); // the renditions of the last ones
        sampling.set(false);
        sampler.join();
        pool.shutdown();
        System.out.printf("| 8 at once, %.1f MB each | %d | %s | %d ms | %d → %d MiB |%n", eight.get(0).length / 1e6,
                eight.get(0).length * 8L, statuses, took, before8 / 1024, peak.get() / 1024);
    }

    /** Part 3: the renditions of part 1, fetched through the gateway, as files for nginx and a list for wrk. */
    private void saveRenditions(Path out) throws Exception {
        List<String> paths = new ArrayList<>();
        for (String url : renditions) {
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode());
            }
            Path file = out.resolve("www" + url);
            Files.createDirectories(file.getParent());
            Files.write(file, answer.body());
            paths.add(url);
        }
        Files.write(out.resolve("renditions.txt"), paths);
        System.out.println();
        System.out.println("Renditions for the serving benchmark: " + paths.size());
    }

    /**
     * The URL of every rendition the item lists, each once: a shape whose crop is the whole picture (4:3 of a 4:3 photo)
     * lists the original's files.
     */
    private static Set<String> renditionUrls(JsonNode item) {
        Set<String> urls = new LinkedHashSet<>();
        item.path("renditions").forEach(shape -> shape.path("srcset").forEach(set -> {
            for (String candidate : set.asText().split(",")) {
                urls.add(candidate.trim().split(" ")[0]);
            }
        }));
        return urls;
    }

    /** A rendition's object key: its URL ends in the content hash and the file name. */
    private static String objectKey(String url) {
        String[] path = url.split("/");
        return "renditions/" + path[path.length - 2] + "/" + path[path.length - 1];
    }

    /** Whether the bucket holds {@code key} (a HEAD request). */
    private boolean stored(String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s3 + "/" + bucket + "/" + key)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /**
     * Sends an upload-sized body five times to a server of this JVM's own that reads it and answers, and asks the bucket
     * once for an object that is not there: the bench's HTTP client (building the form, sending 4.6 MB, polling) is
     * compiled before anything is timed. An editor's browser sends with native code that is never cold; this JVM's
     * client was, and its first upload measured it too (its JIT on the same two cores as the services). Nothing of the
     * system under test is warmed. BENCH_MEDIA_COLD_CLIENT=1 leaves it out, to compare.
     */
    private void warmTheClient(byte[] picture) throws Exception {
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                byte[] body = "{\"item\":{}}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        sink.start();
        try {
            String target = "http://127.0.0.1:" + sink.getAddress().getPort();
            for (int i = 0; i < 5; i++) {
                MultipartForm form = MultipartForm.of(Map.of("altText", "Benchmark picture"), "warm-up.jpg", "image/jpeg", picture);
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(target + "/api/media"))
                        .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build(),
                        HttpResponse.BodyHandlers.ofString());
                JSON.readTree(answer.body());
            }
        } finally {
            sink.stop(0);
        }
        stored("warm-up/not-there");
    }

    /**
     * What an editor has done before an upload: signed in (the token fetched, which Keycloak takes a while for the
     * first time after it starts) and opened the media library (a first request through the gateway on a connection of
     * this client's). Neither is the upload's time; the services' upload path stays as cold as the stack left it.
     */
    private void openTheLibrary() throws Exception {
        HttpResponse<String> library = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/media?limit=24"))
                .header("Authorization", "Bearer " + tokens.of("alice")).build(), HttpResponse.BodyHandlers.ofString());
        if (library.statusCode() != 200) {
            throw new IllegalStateException("the library answered " + library.statusCode() + ": " + library.body());
        }
    }

    private JsonNode upload(String name, byte[] bytes) throws Exception {
        HttpResponse<String> answer = send(name, bytes);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private int uploadStatus(String name, byte[] bytes) throws Exception {
        return send(name, bytes).statusCode();
    }

    private HttpResponse<String> send(String name, byte[] bytes) throws Exception {
        MultipartForm form = MultipartForm.of(Map.of("altText", "Benchmark picture"), name, "image/jpeg", bytes);
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/media")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + tokens.of("alice"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Objects under {@code prefix} in the bucket (S3 ListObjectsV2; the local store takes unsigned requests). */
    private int objects(String prefix) throws Exception {
        String list = HTTP.send(HttpRequest.newBuilder(URI.create(s3 + "/" + bucket + "?list-type=2&max-keys=1000&prefix=" + prefix)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher count = KEY_COUNT.matcher(list);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    /** A photo-like picture (smooth gradients with grain, so it compresses like a photo), as a JPEG. */
    static byte[] jpeg(int width, int height, float quality, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(24)) & 0xff;
                int g = (y * 255 / height + random.nextInt(24)) & 0xff;
                int b = ((x + y) * 255 / (width + height) + random.nextInt(24)) & 0xff;
                row[x] = r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + mediaPid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
