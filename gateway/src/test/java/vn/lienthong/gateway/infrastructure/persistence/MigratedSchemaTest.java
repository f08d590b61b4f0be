package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/**
 * The gateway's migrations give the same schema on H2 and on PostgreSQL: tables, columns with the types
 * the code reads, nullability, primary keys, unique constraints, foreign keys and indexes (by columns),
 * read from {@code information_schema} and JDBC's {@link DatabaseMetaData}.
 */
class MigratedSchemaTest {

    /** H2's longest CHARACTER VARYING, which it gives a column declared TEXT. */
    private static final long H2_MAX_LENGTH = 1_000_000_000L;

    @Test
    void theMigrationsGiveTheSameSchemaOnH2AndPostgreSql() throws SQLException {
        SortedSet<String> h2 = describe(TestDatabase.H2.fresh());
        SortedSet<String> postgres = describe(TestDatabase.POSTGRESQL.fresh());

        SortedSet<String> onlyH2 = new TreeSet<>(h2);
        onlyH2.removeAll(postgres);
        SortedSet<String> onlyPostgres = new TreeSet<>(postgres);
        onlyPostgres.removeAll(h2);
        assertTrue(onlyH2.isEmpty() && onlyPostgres.isEmpty(), () -> "only on H2: " + String.join("\n  ", onlyH2)
                + "\nonly on PostgreSQL: " + String.join("\n  ", onlyPostgres));
        assertTrue(h2.stream().filter(line -> line.startsWith("table ")).count() >= 15, () -> String.join("\n", h2));
    }

    /** One line per table, column, key, constraint and index, in names and types both engines agree on. */
    private static SortedSet<String> describe(DataSource ds) throws SQLException {
        SortedSet<String> lines = new TreeSet<>();
        try (Connection c = ds.getConnection()) {
            String schema = c.getSchema();
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = lower(rs.getString("TABLE_NAME"));
                    if (!table.equals("flyway_schema_history")) {
                        tables.add(rs.getString("TABLE_NAME"));
                        lines.add("table " + table);
                    }
                }
            }
            columns(c, schema, lines);
            uniqueConstraints(c, schema, lines);
            for (String table : tables) {
                keysAndIndexes(meta, c.getCatalog(), schema, table, lines);
            }
        }
        return lines;
    }

    private static void columns(Connection c, String schema, SortedSet<String> lines) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, data_type, "
                + "character_maximum_length, is_nullable FROM information_schema.columns WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = lower(rs.getString(1));
                    if (table.equals("flyway_schema_history")) {
                        continue;
                    }
                    String type = lower(rs.getString(3));
                    long length = rs.getLong(4);
                    // H2 makes TEXT a CHARACTER VARYING of its greatest length; both are read as strings.
                    if (type.equals("character varying") && length >= H2_MAX_LENGTH) {
                        type = "text";
                    } else if (type.startsWith("character")) {
                        type += "(" + length + ")";
                    }
                    lines.add("column " + table + "." + lower(rs.getString(2)) + " " + type
                            + ("NO".equals(rs.getString(5)) ? " not null" : " null"));
                }
            }
        }
    }

    private static void uniqueConstraints(Connection c, String schema, SortedSet<String> lines) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tc.table_name, tc.constraint_name, k.column_name "
                + "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
                + "ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name "
                + "WHERE tc.table_schema = ? AND tc.constraint_type = 'UNIQUE' ORDER BY k.ordinal_position")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent("unique " + lower(rs.getString(1)) + " " + lower(rs.getString(2)),
                            k -> new ArrayList<>()).add(lower(rs.getString(3)));
                }
            }
        }
        columns.forEach((constraint, cols) -> lines.add(constraint + " " + cols));
    }

    private static void keysAndIndexes(DatabaseMetaData meta, String catalog, String schema, String table,
            SortedSet<String> lines) throws SQLException {
        String name = lower(table);
        Map<Short, String> primary = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                primary.put(rs.getShort("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
            }
        }
        lines.add("primary key " + name + " " + primary.values());
        List<String> foreignKeys = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                foreignKeys.add(lower(rs.getString("FK_NAME")) + "_index_");
                lines.add("foreign key " + name + "." + lower(rs.getString("FKCOLUMN_NAME")) + " -> "
                        + lower(rs.getString("PKTABLE_NAME")) + "." + lower(rs.getString("PKCOLUMN_NAME")));
            }
        }
        Map<String, List<String>> indexes = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                String index = lower(rs.getString("INDEX_NAME"));
                // H2 indexes every foreign key itself (FK_..._INDEX_n); PostgreSQL leaves that to the schema.
                if (column != null && foreignKeys.stream().noneMatch(index::startsWith)) {
                    String kind = rs.getBoolean("NON_UNIQUE") ? "index " : "unique index ";
                    indexes.computeIfAbsent(index + "\t" + kind, k -> new ArrayList<>())
                            .add(lower(column));
                }
            }
        }
        indexes.forEach((index, cols) -> lines.add(index.substring(index.indexOf('\t') + 1) + name + " " + cols));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
