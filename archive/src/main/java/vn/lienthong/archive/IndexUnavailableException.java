package vn.lienthong.archive;

/**
 * The index database cannot be used as configured: unreachable, the login refused, or its schema
 * not usable. {@link #setting()} says which part of the configuration to fix, so a caller can name
 * its own setting (an environment variable, a CLI option) in one line.
 */
public class IndexUnavailableException extends StorageException {
    /** The part of an index's configuration that is wrong. */
    public enum Setting {
        /** Where the index is: the JDBC URL (host, port, database), or the H2 file in the archive directory. */
        URL,
        /** The user name or password the database refused. */
        LOGIN,
        /** The schema the index's tables live in: a bad name, or one the user may not create or use. */
        SCHEMA
    }

    private final Setting setting;

    public IndexUnavailableException(Setting setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
