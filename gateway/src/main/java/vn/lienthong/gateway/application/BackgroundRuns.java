package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.run.BackgroundRun;
import vn.lienthong.gateway.domain.run.RunHistory;

/**
 * One background job whose runs keep their state in the database (the fixity audit, the archive
 * renewal): one run at a time across nodes (the RUNNING row, until it goes stale), one thread per
 * node and no queue, progress written at most every so often, a run that throws recorded FAILED
 * with the reason. The job itself only says how a row opens and what a run does.
 */
final class BackgroundRuns<R extends BackgroundRun> {

    /** Adds a RUNNING row unless another one runs (its row updated after {@code staleBefore}). */
    @FunctionalInterface
    interface Opening<R> {
        Optional<R> open(OffsetDateTime now, OffsetDateTime staleBefore);
    }

    /**
     * What the job is called and how it paces itself.
     *
     * @param title        a run in the log: "Fixity audit" 7 failed
     * @param noun         a run on a row refused here: this node is still running an earlier "audit"
     * @param refusal      the error for a start refused while run number n goes on (0: not found)
     * @param staleMinutes a RUNNING row that has not moved for this long was left by a node that stopped
     * @param progressMs   how often a running run writes its progress, in milliseconds
     */
    record Job(String title, String noun, Logger log, LongFunction<? extends RuntimeException> refusal,
               long staleMinutes, long progressMs) {
    }

    private final Job job;
    private final RunHistory<R> history;
    private final Clock clock;
    /** No queue: a second start while this node's thread is busy is refused, not queued. */
    private final ThreadPoolExecutor executor;

    /** The job's runs in {@code history}; its thread from {@code threads}, a plain one when null (tests). */
    BackgroundRuns(Job job, RunHistory<R> history, Clock clock, ThreadFactory threads) {
        this.job = job;
        this.history = history;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                threads != null ? threads : (ThreadFactory) Thread::new);
    }

    /** A new RUNNING row, or empty while another run goes on here or on another node. */
    Optional<R> open(Opening<R> opening) {
        OffsetDateTime now = now();
        return opening.open(now, now.minusMinutes(job.staleMinutes()));
    }

    /**
     * Opens a run and does {@code work} on this node's thread; answers the run as started, or throws
     * the job's refusal while another one goes on, here or on another node.
     */
    R start(Opening<R> opening, Consumer<R> work) {
        R run = open(opening).orElseThrow(() -> job.refusal().apply(running()));
        try {
            executor.execute(() -> run(run, work));
        } catch (RejectedExecutionException e) {
            // This node's thread still runs one whose row went stale: say so on the new row.
            history.fail(run.id(), "this node is still running an earlier " + job.noun(), now());
            throw job.refusal().apply(running());
        }
        return run;
    }

    /** Does {@code work} for an open run on the caller's thread; if it throws, the row says FAILED and why. */
    void run(R run, Consumer<R> work) {
        try {
            work.accept(run);
        } catch (RuntimeException e) {
            job.log().log(Level.SEVERE, job.title() + " " + run.id() + " failed", e);
            history.fail(run.id(), String.valueOf(e.getMessage()), now());
        }
    }

    /**
     * Passes progress on to {@code write} at most every {@code progressMs}, and always the last
     * ({@code last}), so that a busy run does not write its row at each record.
     */
    <P> Consumer<P> paced(Predicate<P> last, Consumer<P> write) {
        long[] lastWrite = {0};
        return progress -> {
            long at = System.nanoTime();
            if (last.test(progress) || at - lastWrite[0] >= job.progressMs() * 1_000_000) {
                lastWrite[0] = at;
                write.accept(progress);
            }
        };
    }

    /** The gateway's clock in Vietnam. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM);
    }

    void stop() {
        executor.shutdownNow();
    }

    private long running() {
        return history.latest(20).stream().filter(BackgroundRun::running).mapToLong(BackgroundRun::id).findFirst()
                .orElse(0);
    }
}
