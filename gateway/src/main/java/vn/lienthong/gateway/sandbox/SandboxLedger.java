package vn.lienthong.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * What one simulated agency received and did: every request counts as received; the first of
 * each request id is acted on (an effect) and its reply kept; repeats get the same reply and
 * count as suppressed duplicates. That is how tests prove no agency acted twice.
 *
 * <p>Like a real agency's database, the effects survive the gateway: each one is appended and
 * forced to a journal under the data dir before the reply goes out, and read back on start. So a
 * test that kills the gateway with SIGKILL can still prove, after the restart, that nothing was
 * acted on twice.
 */
public final class SandboxLedger {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong effects = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final Map<String, SandboxReply> replies = new ConcurrentHashMap<>();
    private final AtomicReference<SandboxFaults> faultPlan;
    private final SandboxFaults initial;
    private final Path journal;

    SandboxLedger(SandboxFaults initial) {
        this(initial, null);
    }

    /** With a journal file: the effects recorded there are loaded, and new ones appended. */
    SandboxLedger(SandboxFaults initial, Path journal) {
        this.initial = initial;
        this.faultPlan = new AtomicReference<>(initial);
        this.journal = journal;
        if (journal != null) {
            load();
        }
    }

    private void load() {
        try {
            Files.createDirectories(journal.getParent());
            if (!Files.exists(journal)) {
                return;
            }
            for (String line : Files.readAllLines(journal, StandardCharsets.US_ASCII)) {
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    continue; // a line torn by a crash: its reply never left, so it was never an effect
                }
                if (replies.putIfAbsent(text(f[0]), new SandboxReply(Integer.parseInt(f[1]), text(f[2]), text(f[3]))) == null) {
                    effects.incrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox journal " + journal, e);
        }
    }

    private synchronized void append(String requestId, SandboxReply reply) {
        if (journal == null) {
            return;
        }
        String line = b64(requestId) + "\t" + reply.status() + "\t" + b64(reply.contentType()) + "\t" + b64(reply.body()) + "\n";
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox journal " + journal, e);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    long arrive() {
        return received.incrementAndGet();
    }

    /** The fault for this arrival, if any; consumes one of failNext. */
    String faultFor(String requestId, long arrival) {
        while (true) {
            SandboxFaults plan = faultPlan.get();
            if (plan.failNext() > 0) {
                if (faultPlan.compareAndSet(plan, plan.afterOneFailure())) {
                    faults.incrementAndGet();
                    return plan.kind();
                }
                continue;
            }
            if (plan.errorRate() > 0 && unit(requestId + "#" + arrival) < plan.errorRate()) {
                faults.incrementAndGet();
                return plan.kind();
            }
            return null;
        }
    }

    /** Acts once per request id; a repeat gets the first reply. */
    SandboxReply actOnce(String requestId, Supplier<SandboxReply> effect) {
        boolean[] acted = {false};
        SandboxReply reply = replies.computeIfAbsent(requestId, id -> {
            acted[0] = true;
            SandboxReply first = effect.get();
            append(id, first);
            return first;
        });
        if (acted[0]) {
            effects.incrementAndGet();
        } else {
            duplicates.incrementAndGet();
        }
        return reply;
    }

    SandboxFaults faults() {
        return faultPlan.get();
    }

    void plan(SandboxFaults faults) {
        faultPlan.set(faults);
    }

    void reset() {
        if (journal != null) {
            try {
                Files.deleteIfExists(journal);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot clear the sandbox journal " + journal, e);
            }
        }
        received.set(0);
        effects.set(0);
        duplicates.set(0);
        faults.set(0);
        replies.clear();
        faultPlan.set(initial);
    }

    JsonObject stats() {
        return Json.createObjectBuilder().add("received", received.get()).add("effects", effects.get())
                .add("duplicatesSuppressed", duplicates.get()).add("faultsInjected", faults.get()).build();
    }

    private static double unit(String s) {
        return (Integer.toUnsignedLong(SandboxNumbers.hash(s)) % 10_000) / 10_000.0;
    }
}
