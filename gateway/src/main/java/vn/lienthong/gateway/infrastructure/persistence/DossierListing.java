package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierPage;
import vn.lienthong.gateway.domain.dossier.DossierQuery;
import vn.lienthong.gateway.domain.dossier.Settlement;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.dossier.StatisticsRow;

/**
 * The dossier register read many rows at a time: the filtered, paged list the desks search, and
 * the statistics report. SQL built from the filters given, with every value bound as a parameter.
 */
final class DossierListing {

    private static final String OPEN = "('RECEIVED', 'IN_PROGRESS', 'SUPPLEMENT_REQUESTED')";
    private static final String RUNNING = "('RECEIVED', 'IN_PROGRESS')";

    private DossierListing() {
    }

    /** One page of the dossiers {@code q} selects, newest first, and how many it selects in all. */
    static DossierPage page(Connection c, DossierQuery q, OffsetDateTime now) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.scope() != null) {
            where.append(" AND agency_code LIKE ?");
            params.add(q.scope().likePattern());
        }
        if (q.status() != null) {
            where.append(" AND status = ?");
            params.add(q.status().name());
        }
        if (q.procedureCode() != null) {
            where.append(" AND procedure_code = ?");
            params.add(q.procedureCode());
        }
        if (q.agencyCode() != null) {
            where.append(" AND agency_code = ?");
            params.add(q.agencyCode());
        }
        if (q.overdueOnly()) {
            where.append(" AND status IN " + RUNNING + " AND deadline_at < ?");
            params.add(now);
        }
        if (q.receivedFrom() != null) {
            where.append(" AND received_at >= ?");
            params.add(Rows.startOf(q.receivedFrom()));
        }
        if (q.receivedTo() != null) {
            where.append(" AND received_at < ?");
            params.add(Rows.startOf(q.receivedTo().plusDays(1)));
        }
        appendTextFilter(q, where, params);
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM dossier" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<Dossier> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + JdbcDossierRepository.COLUMNS + " FROM dossier"
                + where + " ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?")) {
            List<Object> paged = new ArrayList<>(params);
            paged.add(q.size());
            paged.add((long) q.page() * q.size());
            bind(ps, paged);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(JdbcDossierRepository.toDossier(rs));
                }
            }
        }
        return new DossierPage(items, q.page(), q.size(), total);
    }

    /** Counts per agency, procedure or receiving officer of the dossiers received from {@code from} to {@code to}. */
    static List<StatisticsRow> statistics(Connection c, AgencyScope scope, LocalDate from, LocalDate to,
                                          StatisticsGrouping grouping, OffsetDateTime now) throws SQLException {
        String column = groupColumn(grouping);
        String sql = "SELECT " + column + " AS group_key, COUNT(*),"
                + " SUM(CASE WHEN status IN " + OPEN + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN timeliness = 'EARLY' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN timeliness = 'ON_TIME' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN timeliness = 'LATE' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status IN " + RUNNING + " AND deadline_at < ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = 'STOPPED' THEN 1 ELSE 0 END)"
                + " FROM dossier WHERE received_at >= ? AND received_at < ?"
                + (scope == null ? "" : " AND agency_code LIKE ?")
                + " GROUP BY " + column + " ORDER BY " + column;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now);
            ps.setObject(2, Rows.startOf(from));
            ps.setObject(3, Rows.startOf(to.plusDays(1)));
            if (scope != null) {
                ps.setString(4, scope.likePattern());
            }
            List<StatisticsRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StatisticsRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
                }
            }
            return rows;
        }
    }

    /** The dossiers received from {@code from} to {@code to} that were settled with a result, and when. */
    static List<Settlement> settlements(Connection c, AgencyScope scope, LocalDate from, LocalDate to,
                                        StatisticsGrouping grouping) throws SQLException {
        String sql = "SELECT " + groupColumn(grouping) + " AS group_key, agency_code, procedure_code, finished_at,"
                + " CASE WHEN EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = dossier.id AND e.kind = '"
                + DossierEvent.Kind.ON_THE_SPOT.name() + "') THEN 1 ELSE 0 END AS on_the_spot"
                + " FROM dossier WHERE received_at >= ? AND received_at < ? AND timeliness IS NOT NULL"
                + (scope == null ? "" : " AND agency_code LIKE ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Rows.startOf(from));
            ps.setObject(2, Rows.startOf(to.plusDays(1)));
            if (scope != null) {
                ps.setString(3, scope.likePattern());
            }
            List<Settlement> settled = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settled.add(new Settlement(rs.getString(1), rs.getString(2), rs.getString(3), Rows.time(rs, 4),
                            rs.getInt(5) == 1));
                }
            }
            return settled;
        }
    }

    private static String groupColumn(StatisticsGrouping grouping) {
        return switch (grouping) {
            case AGENCY -> "agency_code";
            case PROCEDURE -> "procedure_code";
            case OFFICER -> "COALESCE(received_by, '')";
        };
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    /**
     * The search box: a whole citizen ID matches that ID only; anything else matches the start of a
     * dossier code or any part of the applicant's name, whatever the case. LIKE's wildcards in the
     * text are taken literally.
     */
    private static void appendTextFilter(DossierQuery q, StringBuilder where, List<Object> params) {
        if (q.text() == null) {
            return;
        }
        if (q.textIsCitizenId()) {
            where.append(" AND citizen_id = ?");
            params.add(q.text());
            return;
        }
        String literal = q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        where.append(" AND (UPPER(code) LIKE UPPER(?) ESCAPE '\\' OR LOWER(applicant_name) LIKE LOWER(?) ESCAPE '\\')");
        params.add(literal + "%");
        params.add("%" + literal + "%");
    }
}
