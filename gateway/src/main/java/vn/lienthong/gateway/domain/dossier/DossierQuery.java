package vn.lienthong.gateway.domain.dossier;

import java.time.LocalDate;

/** Filters for listing dossiers; null means "any". Dates are receipt dates in Vietnam, inclusive. */
public record DossierQuery(DossierStatus status,
                           String procedureCode,
                           String agencyCode,
                           boolean overdueOnly,
                           LocalDate receivedFrom,
                           LocalDate receivedTo,
                           int page,
                           int size) {
}
