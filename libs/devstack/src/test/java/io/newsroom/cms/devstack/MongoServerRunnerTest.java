package io.newsroom.cms.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire-protocol server must read a document as real MongoDB does: whole, as one write left it. Each read must show
 * one revision in every field, however a writer changes the document beside it. The services' compare-and-set
 * (read, check the revision the caller saw, write if the revision is unchanged) relies on that.
 */
class MongoServerRunnerTest {
    private static final int FIELDS = 40;

    @Test
    void theMemoryServerNeverAnswersAHalfWrittenDocument() throws Exception {
        try (MongoServerRunner server = MongoServerRunner.inMemory()) {
            assertEveryReadIsWhole(server);
        }
    }

    @Test
    void theFileServerNeverAnswersAHalfWrittenDocument(@TempDir Path dir) throws Exception {
        try (MongoServerRunner server = MongoServerRunner.persistent(dir.resolve("torn.mv"), 0)) {
            assertEveryReadIsWhole(server);
        }
    }

    private static void assertEveryReadIsWhole(MongoServerRunner server) throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("torn").getCollection("docs");
            docs.insertOne(revision(0).append("_id", "one"));
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                Future<Integer> writer = threads.submit(() -> {
                    int written = 0;
                    for (int r = 1; r <= 3000; r++) {
                        List<Bson> sets = new ArrayList<>();
                        revision(r).forEach((field, value) -> sets.add(Updates.set(field, value)));
                        docs.updateOne(Filters.eq("_id", "one"), Updates.combine(sets));
                        written++;
                    }
                    writing.set(false);
                    return written;
                });
                List<Future<List<String>>> readers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    readers.add(threads.submit(() -> {
                        List<String> torn = new ArrayList<>();
                        int reads = 0;
                        while (writing.get() || reads < 100) {
                            Document read = docs.find(Filters.eq("_id", "one")).first();
                            reads++;
                            long first = read.getLong("f0");
                            for (int f = 1; f < FIELDS; f++) {
                                long value = read.getLong("f" + f);
                                if (value != first) {
                                    torn.add("f0=" + first + " but f" + f + "=" + value);
                                    break;
                                }
                            }
                            long nested = read.get("nested", Document.class).getLong("rev");
                            if (nested != first) {
                                torn.add("f0=" + first + " but nested.rev=" + nested);
                            }
                        }
                        return torn;
                    }));
                }
                assertEquals(3000, writer.get());
                List<String> torn = new ArrayList<>();
                for (Future<List<String>> reader : readers) {
                    torn.addAll(reader.get());
                }
                assertTrue(torn.isEmpty(), torn.size() + " reads showed two revisions at once, e.g. " + torn.stream().limit(3).toList());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** Every field of revision {@code r}: the same number everywhere, a nested document and a list too. */
    private static Document revision(long r) {
        Document doc = new Document();
        for (int f = 0; f < FIELDS; f++) {
            doc.append("f" + f, r);
        }
        doc.append("nested", new Document("rev", r).append("items", List.of(new Document("rev", r), new Document("rev", r))));
        return doc;
    }
}
