package vn.lienthong.gateway.domain.dossier;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The Idempotency-Key of each desk submission and the dossier it created, per receiving agency: the
 * same key sent for another agency names nothing (it must never hand out that agency's dossier).
 * Calls join the caller's transaction.
 */
public interface IntakeKeys {

    Optional<DossierCode> find(String agencyCode, String key);

    /** Fails (and rolls the intake back) when a concurrent submission took the same key first. */
    void remember(String agencyCode, String key, DossierCode code, OffsetDateTime at);
}
