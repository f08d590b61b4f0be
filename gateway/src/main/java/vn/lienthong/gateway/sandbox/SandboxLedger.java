package vn.lienthong.gateway.sandbox;

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
 */
public final class SandboxLedger {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong effects = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final Map<String, SandboxReply> replies = new ConcurrentHashMap<>();
    private final AtomicReference<SandboxFaults> faultPlan;
    private final SandboxFaults initial;

    SandboxLedger(SandboxFaults initial) {
        this.initial = initial;
        this.faultPlan = new AtomicReference<>(initial);
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
            return effect.get();
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
