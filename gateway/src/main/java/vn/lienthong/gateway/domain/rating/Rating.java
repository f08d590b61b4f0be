package vn.lienthong.gateway.domain.rating;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * A citizen's rating of a finished dossier: tied to the dossier, its unit, procedure and the officer
 * who settled it, never to the citizen.
 */
public record Rating(DossierCode dossierCode, String agencyCode, String procedureCode, String officerId,
                     Scores scores, OffsetDateTime ratedAt) {
}
