package vn.lienthong.gateway.infrastructure.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.paper.PaperJobs;

/**
 * Paper work is bounded per node: while one drain works (the timer's), the nudges that arrive
 * leave at once instead of rendering on another core, and the next drain works again. A drain
 * keeps claiming while batches come full, so the poll period does not cap the papers per second.
 */
class PaperMillBoundTest {

    @TempDir
    Path dir;

    @Test
    void aSecondDrainWhileOneWorksLeavesAtOnceAndTheNextOneWorks() throws Exception {
        CountDownLatch inClaim = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger claims = new AtomicInteger();
        PaperJobs jobs = (PaperJobs) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PaperJobs.class},
                (p, method, args) -> {
                    if (!method.getName().equals("claimDue")) {
                        throw new AssertionError("the mill must not call PaperJobs." + method.getName());
                    }
                    if (claims.incrementAndGet() == 1) {
                        inClaim.countDown();
                        assertTrue(release.await(10, TimeUnit.SECONDS));
                    }
                    return List.of();
                });
        PaperMill mill = new PaperMill(jobs, null, null, null, null, null,
                Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC),
                new PaperMill.Settings(10, Duration.ofMinutes(5), 3, 5, Duration.ofSeconds(5), Duration.ofSeconds(60),
                        dir, PaperFixtures.ISSUER), () -> {
                    throw new AssertionError("no paper is made, so no key is opened");
                });

        CompletableFuture<Integer> working = CompletableFuture.supplyAsync(mill::drain);
        assertTrue(inClaim.await(10, TimeUnit.SECONDS));
        assertEquals(0, mill.drain(), "the nudge's drain leaves while the timer's works");
        assertEquals(1, claims.get(), "and claims nothing");
        release.countDown();
        assertEquals(0, working.get(10, TimeUnit.SECONDS));
        assertEquals(0, mill.drain());
        assertEquals(2, claims.get(), "once the worker is free, a drain claims again");
    }

    @Test
    void aFullBatchIsFollowedByAnotherClaimInsteadOfWaitingForThePoll() {
        AtomicInteger claims = new AtomicInteger();
        List<Integer> limits = new ArrayList<>();
        PaperJobs jobs = (PaperJobs) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PaperJobs.class},
                (p, method, args) -> {
                    if (!method.getName().equals("claimDue")) {
                        throw new AssertionError("the mill must not call PaperJobs." + method.getName());
                    }
                    limits.add((Integer) args[2]);
                    // Two full batches (placeholders: make() below takes any job), then an empty claim.
                    return claims.incrementAndGet() <= 2 ? Collections.nCopies(2, null) : List.of();
                });
        PaperMill mill = new PaperMill(jobs, null, null, null, null, null,
                Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC),
                new PaperMill.Settings(2, Duration.ofMinutes(5), 3, 5, Duration.ofSeconds(5), Duration.ofSeconds(60),
                        dir, PaperFixtures.ISSUER), () -> {
                    throw new AssertionError("no key is needed");
                }) {
            @Override
            boolean make(PaperJob job) {
                return true;
            }
        };
        assertEquals(4, mill.drain());
        assertEquals(3, claims.get(), "claimed again after each full batch, until one came short");
        assertEquals(List.of(2, 2, 2), limits);
    }

}
