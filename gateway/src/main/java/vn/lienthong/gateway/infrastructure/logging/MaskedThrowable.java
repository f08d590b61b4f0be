package vn.lienthong.gateway.infrastructure.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import vn.lienthong.gateway.domain.dossier.PersonalDataMask;

/**
 * Stands in, in a log record, for a failure whose message (or a cause's) holds personal data. A
 * Throwable's message cannot be changed, so the record gets this copy: it renders like the original
 * (same class name in {@code toString}, same stack frames, causes and suppressed failures) with the
 * numbers masked. Only log output ever sees it; the original still reaches whoever caught it.
 */
final class MaskedThrowable extends Throwable {

    private static final long serialVersionUID = 1L;

    /** The original's {@code toString()}, masked: its class name and message. */
    private final String shown;

    private MaskedThrowable(Throwable original) {
        // This constructor leaves the cause unset, so initCause can link the masked chain afterwards.
        super(PersonalDataMask.mask(original.getMessage()));
        this.shown = PersonalDataMask.mask(original.toString());
        setStackTrace(original.getStackTrace());
    }

    /** {@code failure} itself when nothing in its chain needs masking, otherwise a masked copy of the chain. */
    static Throwable of(Throwable failure) {
        if (failure == null || !holdsPersonalData(failure, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return failure;
        }
        return copy(failure, new IdentityHashMap<>());
    }

    private static boolean holdsPersonalData(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (PersonalDataMask.containsPersonalData(t.toString()) || holdsPersonalData(t.getCause(), seen)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (holdsPersonalData(suppressed, seen)) {
                return true;
            }
        }
        return false;
    }

    private static MaskedThrowable copy(Throwable t, Map<Throwable, MaskedThrowable> copies) {
        MaskedThrowable existing = copies.get(t);
        if (existing != null) {
            return existing;
        }
        MaskedThrowable masked = new MaskedThrowable(t);
        copies.put(t, masked);
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            masked.initCause(copy(cause, copies));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            MaskedThrowable s = copy(suppressed, copies);
            if (s != masked) {
                masked.addSuppressed(s);
            }
        }
        return masked;
    }

    /** The stack trace is the original's, set in the constructor; walking this one's would be wasted work. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String toString() {
        return shown;
    }
}
