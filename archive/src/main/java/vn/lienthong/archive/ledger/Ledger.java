package vn.lienthong.archive.ledger;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import vn.lienthong.archive.SignatureCheck;
import vn.lienthong.archive.StorageException;
import vn.lienthong.archive.store.Sha256;

/**
 * Append-only, hash-chained log of archive events with periodically signed heads.
 *
 * <p>Like X-Road's message log, one signature covers a whole batch: the chain head is signed after
 * every {@link HeadPolicy#entries()} entries or {@link HeadPolicy#interval()}, whichever comes first.
 *
 * <p>Several writers may share one file (gateways of a cluster on a shared directory, or two instances
 * in one JVM): each append holds an exclusive lock on the file (a {@link FileLock}, an {@code fcntl} lock
 * that NFS v4 carries to every client, plus a lock per file within this JVM, where file locks do not
 * exclude each other) and, under it, re-reads the last entry when the file grew since its own last
 * write, so the chain never forks.
 */
public final class Ledger implements Closeable {
    private static final String HEAD_DOMAIN = "lienthong-ledger-head:";
    /** One lock per ledger file in this JVM: the JVM holds file locks for all its threads at once. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final ReentrantLock inProcess;
    private final HeadSigner signer;
    private final HeadPolicy policy;
    private final HeadAnchor anchor;
    private final Clock clock;
    private long lastSeq;
    private String lastHash;
    private LedgerEvent lastEvent;
    /** The file's size after this ledger's last read or write: a larger one means another writer appended. */
    private long knownSize = -1;
    private int unsigned;
    private Instant lastSigned;

    public Ledger(Path file, HeadSigner signer, HeadPolicy policy, HeadAnchor anchor, Clock clock) {
        this.signer = signer;
        this.policy = policy;
        this.anchor = anchor;
        this.clock = clock;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            this.inProcess = IN_PROCESS.computeIfAbsent(file.toRealPath(), f -> new ReentrantLock());
        } catch (IOException e) {
            throw new StorageException("Cannot open the ledger " + file, e);
        }
        this.lastSigned = clock.instant();
        // An unsigned tail from an earlier run is signed right away instead of waiting for new events.
        exclusively(() -> {
            catchUp();
            return sealIfUnsigned();
        });
    }

    /** Appends one event and signs the head when the policy says so. */
    public synchronized LedgerEntry append(LedgerEvent event, String recordId, String blobHash, String actor,
                                           String detail) {
        return exclusively(() -> {
            catchUp();
            LedgerEntry entry = write(event, recordId, blobHash, actor, detail);
            unsigned++;
            if (unsigned >= policy.entries()
                    || !clock.instant().isBefore(lastSigned.plus(policy.interval()))) {
                sealIfUnsigned();
            }
            return entry;
        });
    }

    /** Signs the current head now if any entry is not yet covered by a signature. */
    public synchronized Optional<LedgerEntry> sealHead() {
        return exclusively(() -> {
            catchUp();
            return sealIfUnsigned();
        });
    }

    /** The head as this ledger last read or wrote it; another writer may have appended since. */
    public synchronized LedgerHead head() {
        return new LedgerHead(lastSeq, lastHash);
    }

    /** Signs the head unless the last entry is a signed head already (or there is none); under the lock. */
    private Optional<LedgerEntry> sealIfUnsigned() {
        if (lastSeq == 0 || lastEvent == LedgerEvent.HEAD_SIGNED) {
            unsigned = 0;
            return Optional.empty();
        }
        byte[] signature = signer.sign(headContent(lastSeq, lastHash));
        LedgerEntry head = write(LedgerEvent.HEAD_SIGNED, "", lastHash, signer.name(),
                Base64.getEncoder().encodeToString(signature));
        unsigned = 0;
        lastSigned = clock.instant();
        return Optional.of(head);
    }

    /** A step that reads or writes the tail, holding the file against every other writer. */
    @FunctionalInterface
    private interface Locked<T> {
        T run() throws IOException;
    }

    private <T> T exclusively(Locked<T> step) {
        inProcess.lock();
        try (FileLock held = channel.lock()) {
            return step.run();
        } catch (IOException e) {
            throw new StorageException("Cannot read or write the ledger under its lock", e);
        } finally {
            inProcess.unlock();
        }
    }

    /**
     * Takes the last entry from the file when another writer appended since this ledger's last read
     * or write; a torn line (a writer died mid-append, it held the lock) is dropped first. Under the lock.
     */
    private void catchUp() throws IOException {
        if (channel.size() == knownSize) {
            return;
        }
        dropTornTail();
        Optional<LedgerEntry> last = lastEntry();
        lastSeq = last.map(LedgerEntry::seq).orElse(0L);
        lastHash = last.map(LedgerEntry::hash).orElse(LedgerEntry.GENESIS);
        lastEvent = last.map(LedgerEntry::event).orElse(null);
        knownSize = channel.size();
    }

    /** Walks the chain of this ledger; see {@link #verify(Path, HeadSigner, HeadAnchor)}. */
    public LedgerVerification verify() {
        synchronized (this) {
            // Under the lock: another writer's half-written line would read as a malformed entry.
            return exclusively(() -> verifyChannel(signer, anchor));
        }
    }

    /** Stand-alone verifier: needs only the file, a signature checker and optionally the anchor. */
    public static LedgerVerification verify(Path file, HeadSigner verifier, HeadAnchor anchor) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Walker(verifier, anchor).walk(ch);
        } catch (IOException e) {
            throw new StorageException("Cannot read the ledger " + file, e);
        }
    }

    /** Streams every well-formed entry, oldest first (for exports). */
    public synchronized void forEach(Consumer<LedgerEntry> consumer) {
        exclusively(() -> {
            readLines(channel, (line, offset) -> Walker.parse(line).ifPresent(consumer));
            return null;
        });
    }

    /** The line of an entry exactly as stored, so excerpts can be re-hashed elsewhere. */
    public static String line(LedgerEntry e) {
        byte[] hashed = LedgerEntry.hashedPart(e.seq(), e.time(), e.event(), e.recordId(), e.blobHash(),
                e.actor(), e.detail(), e.previousHash());
        return new String(hashed, StandardCharsets.UTF_8) + "\t" + e.hash();
    }

    @Override
    public synchronized void close() {
        try {
            sealHead();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new StorageException("Cannot close the ledger", e);
            }
        }
    }

    static byte[] headContent(long seq, String hash) {
        return (HEAD_DOMAIN + seq + ":" + hash).getBytes(StandardCharsets.US_ASCII);
    }

    private LedgerVerification verifyChannel(HeadSigner verifier, HeadAnchor headAnchor) {
        try {
            return new Walker(verifier, headAnchor).walk(channel);
        } catch (IOException e) {
            throw new StorageException("Cannot read the ledger", e);
        }
    }

    private LedgerEntry write(LedgerEvent event, String recordId, String blobHash, String actor, String detail) {
        long seq = lastSeq + 1;
        Instant time = clock.instant();
        byte[] hashed = LedgerEntry.hashedPart(seq, time, event, recordId, blobHash, actor, detail, lastHash);
        String hash = Sha256.ofBytes(hashed).hex();
        ByteArrayOutputStream line = new ByteArrayOutputStream(hashed.length + 80);
        line.writeBytes(hashed);
        line.writeBytes(("\t" + hash + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line.toByteArray());
            long position = channel.size();
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
            knownSize = position;
        } catch (IOException e) {
            throw new StorageException("Cannot append to the ledger", e);
        }
        LedgerEntry entry = new LedgerEntry(seq, time, event, nullToEmpty(recordId), nullToEmpty(blobHash),
                nullToEmpty(actor), nullToEmpty(detail), lastHash, hash);
        lastSeq = seq;
        lastHash = hash;
        lastEvent = event;
        anchor.record(new LedgerHead(seq, hash));
        return entry;
    }

    private void dropTornTail() throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        // A line without its newline is an append that a crash cut short; it was never acknowledged.
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            System.getLogger(Ledger.class.getName()).log(System.Logger.Level.WARNING,
                    "Dropping " + (size - end) + " bytes of an unfinished ledger line");
            channel.truncate(end);
            channel.force(true);
        }
    }

    private Optional<LedgerEntry> lastEntry() throws IOException {
        long size = channel.size();
        if (size == 0) {
            return Optional.empty();
        }
        int window = (int) Math.min(size, 1 << 16);
        while (true) {
            ByteBuffer buffer = ByteBuffer.allocate(window);
            channel.read(buffer, size - window);
            byte[] bytes = buffer.array();
            int end = bytes.length - 1; // the final '\n'
            int start = end - 1;
            while (start >= 0 && bytes[start] != '\n') {
                start--;
            }
            if (start >= 0 || window == size) {
                String line = new String(bytes, start + 1, end - start - 1, StandardCharsets.UTF_8);
                return Walker.parse(line);
            }
            window = (int) Math.min(size, (long) window * 4);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @FunctionalInterface
    interface LineHandler {
        void line(String line, long number) throws IOException;
    }

    static void readLines(FileChannel ch, LineHandler handler) throws IOException {
        InputStream in = java.nio.channels.Channels.newInputStream(ch.position(0));
        // Channels.newInputStream shares the position; reset it for the next reader.
        try {
            ByteArrayOutputStream current = new ByteArrayOutputStream(512);
            byte[] buffer = new byte[1 << 16];
            long number = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        handler.line(current.toString(StandardCharsets.UTF_8), ++number);
                        current.reset();
                    } else {
                        current.write(buffer[i]);
                    }
                }
            }
            if (current.size() > 0) {
                handler.line(current.toString(StandardCharsets.UTF_8), ++number);
            }
        } finally {
            ch.position(0);
        }
    }

    /** Re-computes every hash and link and checks every signed head. */
    private static final class Walker {
        private final HeadSigner verifier;
        private final HeadAnchor anchor;
        private final List<String> problems = new ArrayList<>();
        private long expectedSeq = 1;
        private String previous = LedgerEntry.GENESIS;
        private long entries;
        private long heads;
        private long sinceHead;

        Walker(HeadSigner verifier, HeadAnchor anchor) {
            this.verifier = verifier;
            this.anchor = anchor;
        }

        LedgerVerification walk(FileChannel ch) throws IOException {
            readLines(ch, this::check);
            anchor.latest().ifPresent(head -> {
                if (head.seq() != expectedSeq - 1 || !head.hash().equals(previous)) {
                    problems.add("Ledger head is entry " + (expectedSeq - 1) + " but the index recorded entry "
                            + head.seq() + " (" + head.hash() + "): entries were removed or added outside the archive");
                }
            });
            return new LedgerVerification(entries, heads, sinceHead, problems);
        }

        private void check(String line, long number) {
            entries++;
            int lastTab = line.lastIndexOf('\t');
            Optional<LedgerEntry> parsed = parse(line);
            if (parsed.isEmpty() || lastTab < 0) {
                problems.add("Line " + number + ": malformed entry");
                expectedSeq++;
                previous = "?";
                return;
            }
            LedgerEntry e = parsed.get();
            // Undecodable bytes turn into U+FFFD and so change the hash too: every flipped byte shows.
            String actual = Sha256.ofBytes(line.substring(0, lastTab).getBytes(StandardCharsets.UTF_8)).hex();
            if (!actual.equals(e.hash())) {
                problems.add("Line " + number + " (entry " + e.seq() + "): content does not match its hash");
            }
            if (e.seq() != expectedSeq) {
                problems.add("Line " + number + ": entry " + e.seq() + " where entry " + expectedSeq
                        + " was expected (deleted or reordered entries)");
            }
            if (!e.previousHash().equals(previous)) {
                problems.add("Line " + number + " (entry " + e.seq() + "): link to the previous entry is broken");
            }
            if (e.event() == LedgerEvent.HEAD_SIGNED) {
                checkHead(e, number);
            } else {
                sinceHead++;
            }
            expectedSeq = e.seq() + 1;
            previous = e.hash();
        }

        private void checkHead(LedgerEntry e, long number) {
            heads++;
            sinceHead = 0;
            if (!e.blobHash().equals(e.previousHash())) {
                problems.add("Line " + number + ": signed head names another entry than the one before it");
                return;
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(e.detail());
            } catch (IllegalArgumentException bad) {
                problems.add("Line " + number + ": signed head has an unreadable signature");
                return;
            }
            SignatureCheck check = verifier.verify(headContent(e.seq() - 1, e.previousHash()), signature);
            if (!check.valid()) {
                problems.add("Line " + number + ": signature over head " + (e.seq() - 1) + " is invalid: "
                        + check.reason());
            }
        }

        static Optional<LedgerEntry> parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 9) {
                return Optional.empty();
            }
            try {
                return Optional.of(new LedgerEntry(Long.parseLong(f[0]), Instant.parse(f[1]),
                        LedgerEvent.valueOf(f[2]), LedgerEntry.unfield(f[3]), LedgerEntry.unfield(f[4]),
                        LedgerEntry.unfield(f[5]), LedgerEntry.unfield(f[6]), f[7], f[8]));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }
    }
}
