package vn.lienthong.archive;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import vn.lienthong.archive.audit.SignerTrust;
import vn.lienthong.archive.index.ConnectionSource;
import vn.lienthong.archive.ledger.HeadPolicy;
import vn.lienthong.archive.ledger.HeadSigner;
import vn.lienthong.archive.pdf.PdfOptions;

/**
 * Everything an {@link Archive} needs.
 *
 * @param dataDir          blobs, temp files, the ledger and (by default) the H2 index live here
 * @param database         the index database; empty means an embedded H2 file in {@code dataDir}
 * @param citizenIdSalt    secret for hashing citizen IDs; empty means a random one kept in {@code dataDir}
 * @param defaultRetention how long a record is kept when the request does not say
 * @param signerTrust      the trust anchors verify and the audit judge signers by; empty: intactness only
 */
public record ArchiveConfig(Path dataDir, Optional<ConnectionSource> database, Optional<byte[]> citizenIdSalt,
                            DocumentSigner documentSigner, HeadSigner headSigner, HeadPolicy headPolicy,
                            PdfOptions pdfOptions, Period defaultRetention, Clock clock,
                            Optional<SignerTrust> signerTrust) {
    public ArchiveConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(documentSigner, "documentSigner");
        Objects.requireNonNull(headSigner, "headSigner");
        database = Objects.requireNonNullElse(database, Optional.empty());
        citizenIdSalt = Objects.requireNonNullElse(citizenIdSalt, Optional.empty());
        headPolicy = Objects.requireNonNullElse(headPolicy, HeadPolicy.defaults());
        pdfOptions = Objects.requireNonNullElse(pdfOptions, PdfOptions.defaults());
        defaultRetention = Objects.requireNonNullElse(defaultRetention, Period.ofYears(20));
        clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
        signerTrust = Objects.requireNonNullElse(signerTrust, Optional.empty());
    }

    /** Defaults for everything but the directory and the signers. */
    public static ArchiveConfig of(Path dataDir, DocumentSigner documentSigner, HeadSigner headSigner) {
        return new ArchiveConfig(dataDir, Optional.empty(), Optional.empty(), documentSigner, headSigner,
                HeadPolicy.defaults(), PdfOptions.defaults(), Period.ofYears(20), Clock.systemUTC(), Optional.empty());
    }

    public ArchiveConfig withDatabase(ConnectionSource source) {
        return new ArchiveConfig(dataDir, Optional.of(source), citizenIdSalt, documentSigner, headSigner, headPolicy,
                pdfOptions, defaultRetention, clock, signerTrust);
    }

    public ArchiveConfig withHeadPolicy(HeadPolicy policy) {
        return new ArchiveConfig(dataDir, database, citizenIdSalt, documentSigner, headSigner, policy, pdfOptions,
                defaultRetention, clock, signerTrust);
    }

    public ArchiveConfig withPdfOptions(PdfOptions options) {
        return new ArchiveConfig(dataDir, database, citizenIdSalt, documentSigner, headSigner, headPolicy, options,
                defaultRetention, clock, signerTrust);
    }

    /** Judges signers by these anchors in {@link Archive#verify} and the audit, beside the bytes' integrity. */
    public ArchiveConfig withSignerTrust(SignerTrust trust) {
        return new ArchiveConfig(dataDir, database, citizenIdSalt, documentSigner, headSigner, headPolicy,
                pdfOptions, defaultRetention, clock, Optional.of(trust));
    }

    public ArchiveConfig withClock(Clock newClock) {
        return new ArchiveConfig(dataDir, database, citizenIdSalt, documentSigner, headSigner, headPolicy,
                pdfOptions, defaultRetention, newClock, signerTrust);
    }
}
