package io.newsroom.cms.media.service;

import io.newsroom.cms.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room for decoded pictures, with a heap of 256 MB as the benchmark gives the service. */
class DecodeBudgetTest {
    private final DecodeBudget budget = new DecodeBudget(256L * 1024 * 1024);

    @Test
    void aPictureLargerThanTheWholeBudgetIsRefusedAtItsField() {
        ProblemException refused = assertThrows(ProblemException.class, () -> budget.take(8000, 6000));
        assertEquals(400, refused.type().status());
        assertTrue(refused.getMessage().startsWith("The picture is 48.0 megapixels; this server can process at most 2"), refused.getMessage());
    }

    @Test
    void largePicturesTakeTurnsAndEachLeaseGivesItsRoomBackOnce() throws Exception {
        DecodeBudget.Lease first = budget.take(4000, 3000); // 12 MP of about 20
        CompletableFuture<DecodeBudget.Lease> second = CompletableFuture.supplyAsync(() -> budget.take(4000, 3000));
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second waits while the first is held");
        first.close();
        first.close(); // twice gives back once
        DecodeBudget.Lease got = second.get(5, TimeUnit.SECONDS);
        try (DecodeBudget.Lease small = budget.take(2000, 2000)) {
            assertTrue(small != null, "a small picture fits beside a large one");
        }
        got.close();
    }
}
