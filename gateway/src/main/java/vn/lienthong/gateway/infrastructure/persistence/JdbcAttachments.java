package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.attachment.Attachment;
import vn.lienthong.gateway.domain.attachment.Attachments;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/** The attachment register in the gateway's database; the SQL runs on H2 and PostgreSQL. */
@ApplicationScoped
public class JdbcAttachments implements Attachments {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, dossier_code, sha256, size_bytes, content_type, file_name, created_at";

    @Inject
    DataSource dataSource;

    @Override
    public Attachment add(Attachment a) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dossier_attachment (dossier_code, sha256, size_bytes, content_type, file_name, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, a.dossierCode().value());
            ps.setString(2, a.sha256());
            ps.setLong(3, a.size());
            ps.setString(4, a.contentType());
            ps.setString(5, a.fileName());
            ps.setObject(6, a.createdAt());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Attachment(keys.getLong(1), a.dossierCode(), a.sha256(), a.size(), a.contentType(),
                        a.fileName(), a.createdAt());
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // The same scan, attached concurrently to the same dossier: that row is the answer.
                return find(a.dossierCode(), a.sha256()).orElseThrow(() -> Rows.failure("attach", e));
            }
            throw Rows.failure("attach", e);
        }
    }

    @Override
    public Optional<Attachment> find(DossierCode code, String sha256) {
        List<Attachment> found = query("dossier_code = ? AND sha256 = ?", code.value(), sha256);
        return found.stream().findFirst();
    }

    @Override
    public List<Attachment> ofDossier(DossierCode code) {
        return query("dossier_code = ?", code.value());
    }

    private List<Attachment> query(String where, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM dossier_attachment WHERE " + where + " ORDER BY id")) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<Attachment> attachments = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attachments.add(new Attachment(rs.getLong("id"), new DossierCode(rs.getString("dossier_code")),
                            rs.getString("sha256").trim(), rs.getLong("size_bytes"), rs.getString("content_type"),
                            rs.getString("file_name"), Rows.time(rs, "created_at")));
                }
            }
            return attachments;
        } catch (SQLException e) {
            throw Rows.failure("read attachments", e);
        }
    }
}
