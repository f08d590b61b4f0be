package vn.lienthong.gateway.domain.rating;

import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/** A citizen's marks for a settled dossier, each 1 (very poor) to 5 (very good). */
public record Scores(int attitude, int time, int overall) {

    public Scores {
        check("attitude", attitude);
        check("time", time);
        check("overall", overall);
    }

    private static void check(String field, int value) {
        if (value < 1 || value > 5) {
            throw new InvalidDossierException(field, "Điểm " + field + " phải từ 1 đến 5",
                    field + " must be a mark from 1 to 5");
        }
    }
}
