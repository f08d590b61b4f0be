package vn.lienthong.archive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import vn.lienthong.archive.BadInputException;
import vn.lienthong.archive.IndexUnavailableException;
import vn.lienthong.archive.IndexUnavailableException.Setting;
import vn.lienthong.archive.StorageException;

/**
 * An archive's default index: the H2 file {@code index.mv.db} in its directory. Once its rows were
 * moved to another database ({@link #moveTo}) the file is renamed {@code index-moved.mv.db} and kept
 * as it was; from then on the archive refuses to open a new H2 index there, and while the file is
 * still {@code index.mv.db} it refuses to open any other index for that directory.
 */
public record LocalIndexFile(Path dataDir) {
    private static final String NAME = "index";
    private static final String MOVED = "index-moved";
    private static final String SUFFIX = ".mv.db";

    public LocalIndexFile {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The JDBC URL of the H2 file, as the archive and the gateway open it. */
    public String jdbcUrl() {
        return "jdbc:h2:file:" + dataDir.resolve(NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public ConnectionSource source() {
        return ConnectionSource.url(jdbcUrl(), "sa", "");
    }

    public Path file() {
        return dataDir.resolve(NAME + SUFFIX);
    }

    /** Where a move leaves the H2 file, renamed and otherwise untouched. */
    public Path movedFile() {
        return dataDir.resolve(MOVED + SUFFIX);
    }

    /** Before opening this H2 index: refuses once its rows were moved, so no empty index takes their place. */
    public void refuseIfMoved() {
        if (Files.exists(movedFile()) && !Files.exists(file())) {
            throw new IndexUnavailableException(Setting.URL, "the index of " + dataDir + " was moved to another "
                    + "database (the H2 file it was copied from is kept as " + movedFile().getFileName()
                    + "); open the archive with that database's URL", null);
        }
    }

    /** Before opening another database as this directory's index: refuses while the H2 file still holds it. */
    public void refuseIfStillHere() {
        if (Files.exists(file())) {
            throw new IndexUnavailableException(Setting.URL, file() + " still holds this archive's index; move it "
                    + "first (the archive CLI's move-index, archive/README.md), or unset the index URL to keep "
                    + "using it", null);
        }
    }

    /**
     * Copies this index into {@code target} ({@link IndexCopy}, one transaction, counts and digest
     * checked), then renames {@code index.mv.db} to {@code index-moved.mv.db}. Run again after a
     * move (or after a crash between the two steps) it checks the target against the kept file and
     * copies nothing. Whoever else has the archive open (a running gateway) holds the H2 file's lock,
     * and the move fails on it.
     *
     * @throws BadInputException there is no H2 index in the directory, or the target holds another index
     */
    public IndexCopy.Outcome moveTo(ConnectionSource target) {
        boolean alreadyMoved = !Files.exists(file()) && Files.exists(movedFile());
        if (!alreadyMoved && !Files.exists(file())) {
            throw new BadInputException("There is no H2 index in " + dataDir + " (" + file().getFileName()
                    + "); is that the archive directory?");
        }
        // IFEXISTS: a file that vanished in between is an error, not a new empty index. Read-only: not a byte changes.
        ConnectionSource kept = ConnectionSource.url("jdbc:h2:file:" + dataDir.resolve(alreadyMoved ? MOVED : NAME)
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
        IndexCopy.Outcome outcome = IndexCopy.copy(kept, target);
        if (!alreadyMoved) {
            try {
                Files.move(file(), movedFile(), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new StorageException("The index was copied, but " + file() + " could not be renamed to "
                        + movedFile().getFileName() + ": " + e.getMessage() + "; rename it by hand", e);
            }
        }
        return outcome;
    }
}
