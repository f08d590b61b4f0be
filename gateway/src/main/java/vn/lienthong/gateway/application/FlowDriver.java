package vn.lienthong.gateway.application;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * The liên thông flows (one route per procedure group, e.g. 3.000722 birth, 2.002913 death) seen
 * from the use cases. A flow is a function of what is persisted: {@link #advance} looks at the
 * dossier's agency messages and starts whatever step is due, inside the caller's transaction. It
 * keeps nothing in memory, so after any crash the next result (or the next start) carries on.
 */
public interface FlowDriver {

    /** Whether a flow drives this procedure's agency steps (otherwise every external agency is sent at once). */
    boolean drives(String procedureCode);

    /** Starts the steps that are due and completes the dossier when its last step is done. Idempotent. */
    void advance(String procedureCode, DossierCode code);
}
