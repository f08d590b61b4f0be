package vn.lienthong.gateway.domain.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where dossiers and their processing record are kept. Calls join the caller's transaction. */
public interface DossierRepository {

    /** The next number of the agency's daily sequence; gap-free when the caller's transaction commits. */
    int nextSequence(String agencyCode, LocalDate day);

    void add(Dossier dossier, DossierEvent received);

    Optional<Dossier> find(DossierCode code);

    /** Reads the dossier and locks it until the transaction ends, so concurrent changes queue up. */
    Optional<Dossier> findForUpdate(DossierCode code);

    void update(Dossier dossier, DossierEvent event);

    /** Writes the dossier's state as of {@code at} whose history line was {@link #record recorded} already. */
    void update(Dossier dossier, OffsetDateTime at);

    /** Appends to the processing record without changing the dossier. */
    void record(DossierCode code, DossierEvent event);

    List<DossierEvent> history(DossierCode code);

    DossierPage search(DossierQuery query, OffsetDateTime now);

    List<StatisticsRow> statistics(AgencyScope scope, LocalDate from, LocalDate to, StatisticsGrouping grouping, OffsetDateTime now);

    /** The dossiers received from {@code from} to {@code to} that were settled with a result, keyed as {@code grouping} groups. */
    List<Settlement> settlements(AgencyScope scope, LocalDate from, LocalDate to, StatisticsGrouping grouping);
}
