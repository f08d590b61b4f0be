package vn.lienthong.gateway.domain.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Form 07, the dossier register (sổ theo dõi hồ sơ) of one receiving unit for a period: one row
 * per dossier it received, in the order received, with where each stands against its appointment.
 *
 * @param agencyCode the receiving unit
 * @param agencyName its name, or the code when the catalogue does not know it
 * @param from       first day of receipt, in Vietnam, inclusive
 * @param to         last day of receipt, inclusive
 * @param madeAt     when the register was drawn up; open dossiers stand as of then
 */
public record DossierRegister(String agencyCode, String agencyName, LocalDate from, LocalDate to,
                              OffsetDateTime madeAt, List<Row> rows) {

    public DossierRegister {
        rows = List.copyOf(rows);
    }

    /**
     * One dossier of the register.
     *
     * @param returnedAt when the dossier was finished (result returned, refused or stopped); null while open
     * @param standing   null when the dossier is not judged: refused, stopped, or waiting for the citizen's supplement
     */
    public record Row(String code, String procedureCode, String procedureName, String applicant,
                      OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime returnedAt,
                      DossierStatus status, Standing standing) {

        /** The row of a dossier as it stands at {@code now}. */
        public static Row of(Dossier d, String procedureName, OffsetDateTime now) {
            return new Row(d.code().value(), d.procedureCode(), procedureName, d.applicant().fullName(), d.receivedAt(),
                    d.dueAt(), d.finishedAt(), d.status(), Standing.of(d, now));
        }
    }

    /** Where a dossier stands against its legal deadline: finished early, on time or late, or still open. */
    public enum Standing {
        EARLY("Trước hạn"),
        ON_TIME("Đúng hạn"),
        LATE("Quá hạn"),
        IN_TIME("Đang giải quyết, trong hạn"),
        OVERDUE("Đang giải quyết, quá hạn");

        private final String vietnamese;

        Standing(String vietnamese) {
            this.vietnamese = vietnamese;
        }

        public String vietnamese() {
            return vietnamese;
        }

        static Standing of(Dossier d, OffsetDateTime now) {
            if (d.timeliness() != null) {
                return switch (d.timeliness()) {
                    case EARLY -> EARLY;
                    case ON_TIME -> ON_TIME;
                    case LATE -> LATE;
                };
            }
            if (d.status().isFinished() || d.status() == DossierStatus.SUPPLEMENT_REQUESTED) {
                return null;
            }
            return d.isOverdue(now) ? OVERDUE : IN_TIME;
        }
    }

    /** How many rows stand so. */
    public long count(Standing standing) {
        return rows.stream().filter(r -> r.standing() == standing).count();
    }
}
