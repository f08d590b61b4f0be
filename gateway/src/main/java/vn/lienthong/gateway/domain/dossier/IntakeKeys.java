package vn.lienthong.gateway.domain.dossier;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The Idempotency-Key of each desk submission and the dossier it created. Calls join the caller's transaction. */
public interface IntakeKeys {

    Optional<DossierCode> find(String key);

    /** Fails (and rolls the intake back) when a concurrent submission took the same key first. */
    void remember(String key, DossierCode code, OffsetDateTime at);
}
