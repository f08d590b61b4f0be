package vn.lienthong.archive.index;

import java.time.Instant;
import java.util.Optional;

/** Search criteria; empty criteria are ignored, {@code from} inclusive and {@code to} exclusive. */
public record SearchQuery(Optional<String> dossierCode, Optional<String> citizenId, Optional<String> procedureCode,
                          Optional<String> documentType, Optional<Instant> from, Optional<Instant> to, int limit) {
    public SearchQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static SearchQuery all() {
        return new SearchQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 1000);
    }

    public static SearchQuery byDossier(String code) {
        return all().withDossierCode(code);
    }

    public SearchQuery withDossierCode(String code) {
        return new SearchQuery(Optional.of(code), citizenId, procedureCode, documentType, from, to, limit);
    }

    public SearchQuery withCitizenId(String id) {
        return new SearchQuery(dossierCode, Optional.of(id), procedureCode, documentType, from, to, limit);
    }

    public SearchQuery withProcedureCode(String code) {
        return new SearchQuery(dossierCode, citizenId, Optional.of(code), documentType, from, to, limit);
    }

    /** Records of this document type only (as deposited, e.g. "scan", "form-01"). */
    public SearchQuery withDocumentType(String type) {
        return new SearchQuery(dossierCode, citizenId, procedureCode, Optional.of(type), from, to, limit);
    }

    public SearchQuery between(Instant fromInclusive, Instant toExclusive) {
        return new SearchQuery(dossierCode, citizenId, procedureCode, documentType, Optional.of(fromInclusive),
                Optional.of(toExclusive), limit);
    }

    public SearchQuery withLimit(int max) {
        return new SearchQuery(dossierCode, citizenId, procedureCode, documentType, from, to, max);
    }
}
