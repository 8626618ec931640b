package io.newsroom.cms.media.service;

import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.media.domain.imaging.AspectRatio;
import io.newsroom.cms.media.domain.imaging.FocalPoint;
import io.newsroom.cms.media.domain.imaging.RenditionTarget;
import io.newsroom.cms.media.domain.imaging.Renditions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room for decoded pictures, with a heap of 256 MB as the benchmark gives the service. */
class DecodeBudgetTest {
    private static final long HEAP = 256L * 1024 * 1024;
    private final DecodeBudget budget = new DecodeBudget(HEAP);

    @Test
    void aPictureLargerThanTheWholeBudgetIsRefusedAtItsField() {
        ProblemException refused = assertThrows(ProblemException.class, () -> upload(budget, 8000, 6000, 3));
        assertEquals(400, refused.type().status());
        assertTrue(refused.getMessage().matches("The picture is 48\\.0 megapixels; this server can process at most \\d\\d\\.\\d"),
                refused.getMessage());
    }

    @Test
    void a25MegabyteCameraJpegFitsA256MegabyteHeapAndEightTakeTurns() throws Exception {
        // 5500 × 4100 (22.5 MP, a 23.7 MB JPEG at quality 1.0): 3 bytes a pixel as the JPEG reader gives them
        DecodeBudget.Lease first = upload(budget, 5500, 4100, 3);
        CompletableFuture<DecodeBudget.Lease> second = CompletableFuture.supplyAsync(() -> upload(budget, 5500, 4100, 3));
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second waits while the first is held");
        first.close();
        first.close(); // twice gives back once
        DecodeBudget.Lease got = second.get(5, TimeUnit.SECONDS);
        got.close();
        // 25 megapixels still fit; converted layouts (a 16-bit PNG: 6 + 4 bytes a pixel) of that size do not
        upload(budget, 5800, 4300, 3).close();
        assertEquals(400, assertThrows(ProblemException.class, () -> upload(budget, 5800, 4300, 10)).type().status());
    }

    @Test
    void cameraPicturesAreDecodedSideBySideWhileOneIsRendered() {
        try (DecodeBudget.Lease one = upload(budget, 4000, 3000, 3); DecodeBudget.Lease two = upload(budget, 4000, 3000, 3);
             DecodeBudget.Lease small = upload(budget, 2000, 1500, 3)) {
            assertTrue(one != null && two != null && small != null);
        }
    }

    @Test
    void theReserveCoversACameraPicturesRenditionsAndALargerJobCountsTheRest() {
        assertTrue(working(4000, 3000, List.of(AspectRatio.values())) <= DecodeBudget.RENDITIONS_RESERVE,
                "a 4:3 photo's renditions: " + (working(4000, 3000, List.of(AspectRatio.values())) >> 20) + " MB");
        // a tall portrait: its original-shaped renditions are 2400 × 6000
        long tall = working(2400, 6000, List.of(AspectRatio.values()));
        assertTrue(tall > DecodeBudget.RENDITIONS_RESERVE);
        DecodeBudget small = new DecodeBudget(200L * 1024 * 1024); // 130 MB: 80 reserved, 50 for pictures
        assertEquals(400, assertThrows(ProblemException.class,
                () -> small.take(2400, 6000, 3, tall + (10L << 20))).type().status(), "43 MB of pixels and the excess");
        small.take(2400, 6000, 3, DecodeBudget.RENDITIONS_RESERVE).close();
    }

    @Test
    void aShapeMadeOnRequestIsCountedLikeAnUpload() {
        long oneShape = working(4000, 3000, List.of(AspectRatio.SQUARE));
        try (DecodeBudget.Lease upload = upload(budget, 5500, 4100, 3); DecodeBudget.Lease onRequest = budget.take(2000, 1500, 3, oneShape)) {
            assertTrue(upload != null && onRequest != null, "beside a large upload: both are made on the one renditions thread");
        }
    }

    @Test
    void anUploadThatFindsNoRoomIsToldSoAtOnce() {
        try (DecodeBudget.Lease first = upload(budget, 5500, 4100, 3)) {
            long working = working(5500, 4100, List.of(AspectRatio.values()));
            assertTrue(budget.tryTake(5500, 4100, 3, working).isEmpty(), "no room now: it does not wait");
            assertTrue(budget.tryTake(1000, 750, 3, working(1000, 750, List.of(AspectRatio.values()))).isPresent(), "a small one fits");
            assertEquals(400, assertThrows(ProblemException.class, () -> budget.tryTake(8000, 6000, 3, working)).type().status(),
                    "one that never fits is refused, not told to wait");
        }
    }

    @Test
    void aSmallHeapRefusesWhatALargerOneTakes() {
        DecodeBudget small = new DecodeBudget(128L * 1024 * 1024);
        assertEquals(400, assertThrows(ProblemException.class, () -> upload(small, 5500, 4100, 3)).type().status());
        upload(small, 2000, 1500, 3).close();
    }

    /** Room for a picture as uploads take it: its decoded pixels and the making of every rendition of it. */
    private static DecodeBudget.Lease upload(DecodeBudget budget, int width, int height, int bytesPerPixel) {
        return budget.take(width, height, bytesPerPixel, working(width, height, List.of(AspectRatio.values())));
    }

    private static long working(int width, int height, List<AspectRatio> shapes) {
        List<RenditionTarget> targets = new ArrayList<>();
        for (AspectRatio shape : shapes) {
            for (int w : Renditions.PLANNED_WIDTHS) {
                targets.add(new RenditionTarget(w, shape, FocalPoint.CENTRE));
            }
        }
        return Renditions.workingBytes(width, height, false, targets, 2);
    }
}
