package vn.lienthong.gateway.domain.dossier;

import java.time.LocalDate;

/**
 * Filters for listing dossiers; null means "any". Dates are receipt dates in Vietnam, inclusive.
 * The scope is the caller's: an exact agency filter must fall inside it.
 */
public record DossierQuery(AgencyScope scope,
                           DossierStatus status,
                           String procedureCode,
                           String agencyCode,
                           boolean overdueOnly,
                           LocalDate receivedFrom,
                           LocalDate receivedTo,
                           int page,
                           int size) {
}
