package vn.lienthong.gateway.infrastructure.messagelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.infrastructure.persistence.JdbcMessageLogStore;

/**
 * The message log's single writer: callers hand over a message and wait until it is committed;
 * one thread takes whatever has queued up meanwhile and chains it in ONE transaction (group
 * commit), so concurrent deliveries share a commit instead of queueing on the chain-head lock one
 * commit each. Signing and purging go through the same queue, so nothing races the chain in this
 * JVM; the head-row lock in each transaction keeps it linear across JVMs too. A caller returns
 * only once its record is durable, so a crash before that loses nothing that was acted upon.
 *
 * <p>A batch that cannot be signed (the TSA or the key is down) stays unsigned and the records keep
 * being chained: after a failed attempt the record count triggers no new one before a backoff
 * (1 s doubling up to a minute), so an unreachable TSA costs the appends one timeout per backoff,
 * not one per group. The timer's {@link #seal()} still tries at its own pace.
 */
public final class MessageLogWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MessageLogWriter.class.getName());
    private static final Duration FIRST_SEAL_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_SEAL_PAUSE = Duration.ofMinutes(1);

    /** Work for the writer thread; each completes its future. */
    private sealed interface Task permits Append, Seal, Purge, Stop {
    }

    private record Append(LoggedMessage message, CompletableFuture<MessageRecord> done) implements Task {
    }

    private record Seal(CompletableFuture<Optional<SignedBatch>> done) implements Task {
    }

    private record Purge(Instant cutoff, CompletableFuture<Optional<PurgeAnchor>> done) implements Task {
    }

    private record Stop() implements Task {
    }

    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final JdbcMessageLogStore store;
    private final Supplier<ChainSigner> signer;
    private final Clock clock;
    private final int maxGroup;
    private final long batchRecords;
    private final Duration wait;
    private final JdbcMessageLogStore.PurgeReport purgeReport;
    private final Thread thread;
    private volatile boolean stopped;
    /** Records stored since the last batch; touched by the writer thread only. */
    private long unsigned;
    /** After a failed seal: no count-triggered attempt before this, and the pause after the next failure. */
    private Instant sealPausedUntil = Instant.MIN;
    private Duration sealPause = FIRST_SEAL_PAUSE;

    /**
     * @param signer       the gateway's signer, asked for on first use (the key may be created or fail to load)
     * @param maxGroup     at most this many records per transaction
     * @param batchRecords sign as soon as this many records are unsigned
     * @param wait         how long a caller waits for its commit before giving up
     */
    public MessageLogWriter(JdbcMessageLogStore store, Supplier<ChainSigner> signer, Clock clock,
                            ThreadFactory threads, int maxGroup, long batchRecords, Duration wait,
                            JdbcMessageLogStore.PurgeReport purgeReport) {
        this.store = store;
        this.signer = signer;
        this.clock = clock;
        this.maxGroup = Math.max(1, maxGroup);
        this.batchRecords = Math.max(1, batchRecords);
        this.wait = wait;
        this.purgeReport = purgeReport;
        this.thread = threads.newThread(this::run);
        this.thread.setName("message-log-writer");
        this.thread.setDaemon(true);
    }

    public MessageLogWriter start() {
        unsigned = store.unsignedRecords();
        thread.start();
        return this;
    }

    /** Stores the message as the next record; returns once it is committed. */
    public MessageRecord append(LoggedMessage message) {
        CompletableFuture<MessageRecord> done = new CompletableFuture<>();
        return submit(new Append(message, done), done, "store a message log record");
    }

    public Optional<SignedBatch> seal() {
        CompletableFuture<Optional<SignedBatch>> done = new CompletableFuture<>();
        return submit(new Seal(done), done, "sign a message log batch");
    }

    public Optional<PurgeAnchor> purge(Instant cutoff) {
        CompletableFuture<Optional<PurgeAnchor>> done = new CompletableFuture<>();
        return submit(new Purge(cutoff, done), done, "purge the message log");
    }

    /** Finishes what is queued, signs the tail, and stops the thread. */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        queue.add(new Stop());
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T submit(Task task, CompletableFuture<T> done, String what) {
        if (stopped) {
            throw new MessageLogException("Cannot " + what + ": the message log writer has stopped", null);
        }
        queue.add(task);
        try {
            return done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MessageLogException known) {
                throw known;
            }
            throw new MessageLogException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new MessageLogException("Cannot " + what + ": no commit within " + wait.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageLogException("Interrupted while waiting to " + what, e);
        }
    }

    private void run() {
        List<Task> drained = new ArrayList<>(maxGroup);
        try {
            while (!stopped) {
                drained.add(queue.take());
                queue.drainTo(drained, maxGroup - 1);
                process(drained);
                drained.clear();
            }
        } catch (InterruptedException e) {
            // The container is stopping this thread: whatever still waits fails as transient and is retried.
            Thread.currentThread().interrupt();
        } finally {
            stopped = true;
            failAll(drained);
            List<Task> rest = new ArrayList<>();
            queue.drainTo(rest);
            failAll(rest);
        }
    }

    /** Consecutive appends share one transaction; seals, purges and the stop run between them in order. */
    private void process(List<Task> tasks) {
        List<Append> group = new ArrayList<>();
        for (Task t : tasks) {
            if (t instanceof Append a) {
                group.add(a);
                if (unsigned + group.size() >= batchRecords) {
                    // The batch is full: commit it and sign it, so a count-triggered batch holds exactly N records.
                    store(group);
                    group.clear();
                    sealQuietly();
                }
                continue;
            }
            store(group);
            group.clear();
            if (t instanceof Seal seal) {
                complete(seal.done(), this::sealNow);
            } else if (t instanceof Purge purge) {
                complete(purge.done(), () -> {
                    Optional<PurgeAnchor> anchor = store.purge(purge.cutoff(), signer.get(), clock.instant(), purgeReport);
                    anchor.ifPresent(a -> unsigned++); // the PURGE record itself
                    return anchor;
                });
            } else {
                sealQuietly(); // Stop: the tail is signed before the thread ends
                stopped = true;
            }
        }
        store(group);
        if (unsigned >= batchRecords) {
            sealQuietly();
        }
    }

    private void store(List<Append> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            List<MessageRecord> records = store.append(group.stream().map(Append::message).toList(), clock.instant());
            for (int i = 0; i < records.size(); i++) {
                group.get(i).done().complete(records.get(i));
            }
            unsigned += records.size();
        } catch (RuntimeException e) {
            group.forEach(a -> a.done().completeExceptionally(e));
        }
    }

    private Optional<SignedBatch> sealNow() {
        Optional<SignedBatch> batch;
        try {
            batch = store.seal(signer.get(), clock.instant());
        } catch (RuntimeException e) {
            sealPausedUntil = clock.instant().plus(sealPause);
            sealPause = sealPause.multipliedBy(2).compareTo(LONGEST_SEAL_PAUSE) > 0 ? LONGEST_SEAL_PAUSE
                    : sealPause.multipliedBy(2);
            throw e;
        }
        unsigned = 0;
        sealPausedUntil = Instant.MIN;
        sealPause = FIRST_SEAL_PAUSE;
        return batch;
    }

    /**
     * Sealing on its own schedule: a failure is logged and a later trigger tries again, not before
     * the pause after a failure; records are safe.
     */
    private void sealQuietly() {
        if (clock.instant().isBefore(sealPausedUntil)) {
            return;
        }
        try {
            sealNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot sign the message log head now; records stay chained and will be signed "
                    + "at the next attempt, after " + sealPausedUntil + ": " + e.getMessage());
        }
    }

    private static <T> void complete(CompletableFuture<T> done, Supplier<T> work) {
        try {
            done.complete(work.get());
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private static void failAll(List<Task> tasks) {
        MessageLogException stopped = new MessageLogException("The message log writer has stopped", null);
        for (Task t : tasks) {
            if (t instanceof Append a) {
                a.done().completeExceptionally(stopped);
            } else if (t instanceof Seal s) {
                s.done().completeExceptionally(stopped);
            } else if (t instanceof Purge p) {
                p.done().completeExceptionally(stopped);
            }
        }
    }
}
