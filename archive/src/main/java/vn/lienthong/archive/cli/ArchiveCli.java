package vn.lienthong.archive.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveConfig;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.BadInputException;
import vn.lienthong.archive.DocumentMetadata;
import vn.lienthong.archive.IndexUnavailableException;
import vn.lienthong.archive.IngestRequest;
import vn.lienthong.archive.IntegrityException;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.RecordNotFoundException;
import vn.lienthong.archive.RetentionRefusedException;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.audit.SignerTrust;
import vn.lienthong.archive.bagit.BagSummary;
import vn.lienthong.archive.index.ConnectionSource;
import vn.lienthong.archive.index.IndexCopy;
import vn.lienthong.archive.index.LocalIndexFile;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.archive.pdf.BuiltPdf;
import vn.lienthong.archive.pdf.PdfABuilder;
import vn.lienthong.archive.pdf.PdfOptions;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.renewal.RenewalPolicy;
import vn.lienthong.archive.renewal.RenewalReport;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.ltv.HttpRevocationSource;
import vn.lienthong.signing.tsp.Rfc3161Client;
import vn.lienthong.signing.tsp.TsaConfig;

/** Command line: {@code java -jar lienthong-archive.jar COMMAND [options]}. Exit 0 OK, 1 integrity failure, 2 bad usage or input. */
public final class ArchiveCli {
    static final int OK = 0;
    static final int INTEGRITY = 1;
    static final int USAGE = 2;
    private static final Set<String> STORE = Set.of("--store", "--index-url", "--index-schema");
    /** The index database's login, from the environment (as the gateway takes it), never from the command line. */
    static final String INDEX_USER = "LIENTHONG_ARCHIVE_INDEX_USER";
    static final String INDEX_PASSWORD = "LIENTHONG_ARCHIVE_INDEX_PASSWORD";
    private static final String DEFAULT_SCHEMA = "archive_index";
    private static final Set<String> KEY = Set.of("--keystore", "--storepass", "--alias", "--pkcs11-config",
            "--alg", "--digest", "--tsa");
    private static final Set<String> QUERY = Set.of("--dossier", "--citizen-id", "--procedure", "--from", "--to");
    /** What each command takes; anything else on its line is refused, so a mistyped option cannot go unnoticed. */
    private static final Map<String, Syntax> COMMANDS = Map.ofEntries(
            Map.entry("ingest", Syntax.archive(Set.of("--dossier", "--type", "--title", "--procedure", "--agency",
                    "--operator", "--citizen-id", "--retain-until", "--pdfa", "--out-dir"), Set.of(), true)),
            Map.entry("get", Syntax.archive(Set.of("--out", "--operator"), Set.of(), true)),
            Map.entry("search", Syntax.archive(QUERY, Set.of(), false)),
            Map.entry("verify", Syntax.archive(Set.of("--operator", "--trust"), Set.of("--all"), true)),
            Map.entry("verify-ledger", Syntax.archive(Set.of(), Set.of(), false)),
            Map.entry("audit", Syntax.archive(Set.of("--operator", "--trust"), Set.of(), false)),
            Map.entry("export-bag", Syntax.archive(union(QUERY, Set.of("--out")), Set.of(), false)),
            Map.entry("hold", Syntax.archive(Set.of("--reason", "--operator"), Set.of("--set", "--lift"), true)),
            Map.entry("delete", Syntax.archive(Set.of("--reason", "--operator"), Set.of(), true)),
            Map.entry("renew", Syntax.archive(Set.of("--operator", "--margin-days", "--retire", "--ts-digest"),
                    Set.of("--dry-run"), false)),
            Map.entry("move-index", new Syntax(Set.of("--store", "--to", "--index-schema"), Set.of(), false)),
            Map.entry("bench", new Syntax(union(KEY, Set.of("--pages", "--per-doc", "--store", "--lta-docs")),
                    Set.of(), false)));
    private static final String USAGE_TEXT = """
            Usage: java -jar lienthong-archive.jar COMMAND [options]
              ingest --dossier CODE --type TYPE [--title T] [--procedure P] [--agency A] [--operator O]
                     [--citizen-id ID] [--retain-until YYYY-MM-DD] [--pdfa 2b|3b] (--out-dir DIR | --store DIR) PAGE...
              get ID --out FILE                    search [--dossier C] [--citizen-id ID] [--procedure P] [--from D] [--to D]
              verify ID|--all [--trust ROOTS.pem]  verify-ledger
              audit [--trust ROOTS.pem]            export-bag --out DIR [--dossier C] [--from D] [--to D]
                     (--trust: PEM/DER files, comma-separated; signers must chain to them and not be revoked
                      before their time-stamp, judged offline from each document's validation data: UNTRUSTED)
              hold ID --set|--lift --reason R      delete ID --reason R
              bench [--pages N] [--per-doc N] [--lta-docs N (default 1000; 0: skip ingest to LTA and renewal)]
              renew [--dry-run] [--margin-days N] [--retire sha256,...] [--ts-digest sha512] --tsa URL
                     (PAdES-BASELINE-LTA: extends records not yet at LTA, renews those whose newest time-stamp's
                      TSA certificate ends within the margin (default 180) or whose digest is to be retired;
                      validation data from the certificates' OCSP/CRL URLs)
              move-index --to JDBC-URL [--index-schema S] [--store DIR]   (copies the H2 index into that database)
            Store:   --store DIR (default ./archive-data)  [--index-url JDBC-URL [--index-schema S]]
                     index login from LIENTHONG_ARCHIVE_INDEX_USER, LIENTHONG_ARCHIVE_INDEX_PASSWORD;
                     schema default archive_index
            Keys:    --keystore F.p12 --storepass PW [--alias A] | --pkcs11-config F --storepass PIN [--alias A]
                     [--alg rsa-pss|rsa|ecdsa] [--digest sha256|sha384|sha512] [--tsa URL]
            Exit codes: 0 OK, 1 integrity failure found (or a renewal action failed), 2 bad usage or input.""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    ArchiveCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        System.exit(new ArchiveCli(System.out, System.err, System.getenv()).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            Syntax syntax = COMMANDS.get(args[0]);
            if (syntax == null) {
                throw new BadInputException("Unknown command '" + args[0] + "'\n" + USAGE_TEXT);
            }
            Options o = Options.parse(args, syntax);
            return switch (o.command) {
                case "ingest" -> ingest(o);
                case "get" -> get(o);
                case "search" -> search(o);
                case "verify" -> verify(o);
                case "verify-ledger" -> verifyLedger(o);
                case "audit" -> audit(o);
                case "export-bag" -> exportBag(o);
                case "hold" -> hold(o);
                case "delete" -> delete(o);
                case "bench" -> bench(o);
                case "move-index" -> moveIndex(o);
                case "renew" -> renew(o);
                default -> throw new IllegalStateException("No handler for the command " + o.command);
            };
        } catch (IntegrityException e) {
            err.println("INTEGRITY FAILURE: " + e.getMessage());
            return INTEGRITY;
        } catch (IndexUnavailableException e) {
            err.println("Error: " + setting(e.setting(), args[0]) + ": " + e.getMessage());
            return USAGE;
        } catch (BadInputException | RecordNotFoundException | RetentionRefusedException e) {
            err.println("Error: " + e.getMessage());
            return USAGE;
        } catch (ArchiveException | SigningException e) {
            err.println("Error: " + e.getMessage());
            return USAGE;
        }
    }

    private int ingest(Options o) {
        DocumentMetadata m = new DocumentMetadata(o.required("--dossier"), o.required("--type"),
                o.get("--title").orElse(null), o.get("--procedure").orElse(""), o.get("--agency").orElse(""),
                o.get("--operator").orElse(System.getProperty("user.name")), Instant.now());
        List<Path> pages = o.positional.stream().map(Path::of).toList();
        if (pages.isEmpty()) {
            throw new BadInputException("ingest needs at least one PAGE file");
        }
        for (Path p : pages) {
            if (!Files.isRegularFile(p)) {
                throw new BadInputException("Page file not found: " + p);
            }
        }
        PdfAPart part = switch (o.get("--pdfa").orElse("2b")) {
            case "2b" -> PdfAPart.A2B;
            case "3b" -> PdfAPart.A3B;
            default -> throw new BadInputException("--pdfa must be 2b or 3b");
        };
        if (o.get("--out-dir").isPresent()) {
            return ingestToDirectory(o, m, pages, part, Path.of(o.get("--out-dir").get()));
        }
        IngestRequest request = new IngestRequest(pages, m, o.get("--citizen-id"),
                o.get("--retain-until").map(ArchiveCli::date), part, m.operator());
        try (Archive archive = open(o)) {
            ArchiveRecord r = archive.ingest(request);
            out.println(r.id() + "\t" + r.blobHash() + "\t" + r.pages() + " pages\t" + r.size() + " bytes\tsigned by "
                    + r.signer());
        }
        return OK;
    }

    private int ingestToDirectory(Options o, DocumentMetadata m, List<Path> pages, PdfAPart part, Path dir) {
        try (KeySource key = key(o)) {
            Files.createDirectories(dir);
            Path unsigned = Files.createTempFile(dir, ".unsigned-", ".pdf");
            Path target = dir.resolve(m.dossierCode() + "-" + m.documentType() + ".pdf");
            try {
                BuiltPdf built = new PdfABuilder(PdfOptions.defaults()).build(pages, m, part, unsigned);
                Path signed = Files.createTempFile(dir, ".signed-", ".pdf");
                try {
                    String signer = new PadesDocumentSigner(signingKey(o, key)).sign(unsigned, signed);
                    Files.move(signed, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    out.println(target + "\t" + built.pages() + " pages\tsigned by " + signer);
                } finally {
                    Files.deleteIfExists(signed);
                }
            } finally {
                Files.deleteIfExists(unsigned);
            }
            return OK;
        } catch (java.io.IOException e) {
            throw new BadInputException("Cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    private int get(Options o) {
        String id = o.single("ID");
        Path target = Path.of(o.required("--out"));
        try (Archive archive = open(o); InputStream in = archive.read(id, operator(o))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            out.println(target);
        } catch (java.io.IOException e) {
            throw new BadInputException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        return OK;
    }

    private int search(Options o) {
        try (Archive archive = open(o)) {
            for (ArchiveRecord r : archive.search(query(o))) {
                out.println(r.id() + "\t" + r.dossierCode() + "\t" + r.documentType() + "\t" + r.createdAt() + "\t"
                        + r.pages() + "\t" + r.size() + "\t" + r.retainUntil() + (r.legalHold() ? "\tHOLD" : ""));
            }
        }
        return OK;
    }

    private int verify(Options o) {
        try (Archive archive = open(o)) {
            if (o.flag("--all")) {
                return report(archive.audit(operator(o), p -> { }));
            }
            VerifyResult result = archive.verify(o.single("ID"), operator(o));
            out.println(result.recordId() + "\t" + result.outcome() + "\t" + result.detail());
            return result.ok() ? OK : INTEGRITY;
        }
    }

    private int verifyLedger(Options o) {
        try (Archive archive = open(o)) {
            LedgerVerification v = archive.verifyLedger();
            out.println("entries: " + v.entries() + ", signed heads: " + v.signedHeads() + ", unsigned tail: "
                    + v.unsignedTail());
            v.problems().forEach(p -> out.println("PROBLEM: " + p));
            out.println(v.intact() ? "Ledger intact / Sổ nhật ký nguyên vẹn" : "Ledger ALTERED / Sổ nhật ký bị thay đổi");
            return v.intact() ? OK : INTEGRITY;
        }
    }

    private int audit(Options o) {
        try (Archive archive = open(o)) {
            AuditSummary s = archive.audit(operator(o), p -> err.println("audit: " + p));
            return report(s);
        }
    }

    private int report(AuditSummary s) {
        s.problems().forEach(p -> out.println(p.outcome() + "\t" + p.recordId() + "\t" + p.detail()));
        out.println(s);
        return s.clean() ? OK : INTEGRITY;
    }

    private int exportBag(Options o) {
        try (Archive archive = open(o)) {
            BagSummary bag = archive.exportBag(query(o), Path.of(o.required("--out")));
            out.println(bag.directory() + ": " + bag.payloadFiles() + " payload files, " + bag.payloadBytes()
                    + " bytes, " + bag.ledgerEntries() + " ledger entries");
        }
        return OK;
    }

    private int hold(Options o) {
        boolean set = o.flag("--set");
        if (set == o.flag("--lift")) {
            throw new BadInputException("hold needs exactly one of --set or --lift");
        }
        try (Archive archive = open(o)) {
            archive.setLegalHold(o.single("ID"), set, operator(o), o.required("--reason"));
        }
        return OK;
    }

    private int delete(Options o) {
        try (Archive archive = open(o)) {
            archive.delete(o.single("ID"), operator(o), o.required("--reason"));
        }
        return OK;
    }

    private int bench(Options o) {
        int pages = o.intValue("--pages", 300);
        int perDoc = o.intValue("--per-doc", 10);
        KeySource key = o.get("--keystore").isPresent() || o.get("--pkcs11-config").isPresent() ? key(o) : trialKey();
        try (key) {
            SigningKey signing = signingKey(o, key);
            Path work = Path.of(o.get("--store").orElse(System.getProperty("java.io.tmpdir")))
                    .resolve("lienthong-bench-" + ProcessHandle.current().pid());
            out.println("signer: " + signing.signerName() + " via " + key.providerDescription() + ", "
                    + signing.algorithm() + "/" + signing.digest());
            Bench.run(ArchiveConfig.of(work, new PadesDocumentSigner(signing), new CmsHeadSigner(signing)), pages,
                    perDoc, out);
            int ltaDocuments = o.intValue("--lta-docs", 1000);
            if (ltaDocuments > 0) {
                Bench.runLongTerm(work, ltaDocuments, out);
            }
        }
        return OK;
    }

    /** Runs (or with --dry-run, only reports) the renewal job; exit 1 when an action failed. */
    private int renew(Options o) {
        RenewalPolicy policy = RenewalPolicy.defaults();
        if (o.get("--margin-days").isPresent()) {
            policy = policy.withMargin(Duration.ofDays(o.intValue("--margin-days", 180)));
        }
        DigestAlgorithm digest = parseDigest(o.get("--ts-digest").orElse(policy.digest().name()));
        Set<DigestAlgorithm> retire = new HashSet<>();
        for (String name : o.get("--retire").map(v -> v.split(",")).orElse(new String[0])) {
            if (!name.isBlank()) {
                retire.add(parseDigest(name.trim()));
            }
        }
        try {
            policy = policy.retiring(retire, digest);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        boolean dryRun = o.flag("--dry-run");
        try (Archive archive = open(o, true)) {
            RenewalReport report = archive.renewalJob(policy).run(operator(o), dryRun,
                    p -> err.println("renew: " + p));
            for (RenewalReport.Item i : report.due()) {
                out.println((dryRun ? "DUE\t" : "") + i.action() + "\t" + i.recordId() + "\t" + i.reason());
            }
            report.failed().forEach(i -> out.println("FAILED\t" + i.action() + "\t" + i.recordId() + "\t"
                    + i.reason()));
            report.waiting().forEach(i -> out.println("WAITING\t" + i.action() + "\t" + i.recordId() + "\t"
                    + i.reason()));
            out.println(report);
            return report.failed().isEmpty() ? OK : INTEGRITY;
        }
    }

    private static DigestAlgorithm parseDigest(String name) {
        try {
            return DigestAlgorithm.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /**
     * Copies the store's H2 index into the database at {@code --to} and renames the H2 file (see
     * {@link LocalIndexFile#moveTo}); the archive directory itself is only read.
     */
    private int moveIndex(Options o) {
        LocalIndexFile local = new LocalIndexFile(store(o));
        ConnectionSource target = indexDatabase(o, o.required("--to"));
        IndexCopy.Outcome outcome = local.moveTo(target);
        String where = target.location() + " (schema " + target.schema().orElseThrow() + ")";
        if (outcome.copied()) {
            out.println("Moved " + outcome.content() + " to " + where + "; counts and digest match.");
            out.println("The H2 file is kept, renamed and unchanged: " + local.movedFile());
        } else {
            out.println("Already moved: " + where + " holds " + outcome.content() + ", as " + local.movedFile()
                    + " does; nothing copied.");
        }
        return OK;
    }

    private Archive open(Options o) {
        return open(o, false);
    }

    /** With {@code longTerm}, validation data comes from the certificates' own OCSP and CRL URLs (B-LT, LTA). */
    private Archive open(Options o, boolean longTerm) {
        KeySource key = key(o);
        SigningKey signing = signingKey(o, key);
        if (longTerm) {
            signing = signing.withRevocation(new HttpRevocationSource(Duration.ofSeconds(10), Duration.ofHours(1),
                    Clock.systemUTC()));
        }
        ArchiveConfig config = ArchiveConfig.of(store(o), new PadesDocumentSigner(signing), new CmsHeadSigner(signing));
        if (o.get("--trust").isPresent()) {
            config = config.withSignerTrust(SignerTrust.anchoredAt(trustAnchors(o.get("--trust").get())));
        }
        if (o.get("--index-url").isPresent()) {
            new LocalIndexFile(config.dataDir()).refuseIfStillHere();
            config = config.withDatabase(indexDatabase(o, o.get("--index-url").get()));
        }
        return Archive.open(config);
    }

    /** Certificates from PEM or DER files, comma-separated; a file may hold several PEM certificates. */
    private static List<X509Certificate> trustAnchors(String files) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (String file : files.split(",")) {
            try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
                CertificateFactory.getInstance("X.509").generateCertificates(in)
                        .forEach(c -> anchors.add((X509Certificate) c));
            } catch (IOException | CertificateException e) {
                throw new BadInputException("--trust " + file + ": not a readable certificate file: " + e.getMessage());
            }
        }
        if (anchors.isEmpty()) {
            throw new BadInputException("--trust " + files + " holds no certificate");
        }
        return anchors;
    }

    private static Path store(Options o) {
        return Path.of(o.get("--store").orElse("archive-data"));
    }

    private ConnectionSource indexDatabase(Options o, String url) {
        return ConnectionSource.url(url, env.getOrDefault(INDEX_USER, ""), env.getOrDefault(INDEX_PASSWORD, ""))
                .inSchema(o.get("--index-schema").orElse(DEFAULT_SCHEMA));
    }

    /** The option or variable a user changes to fix an index that cannot be used. */
    private static String setting(IndexUnavailableException.Setting setting, String command) {
        return switch (setting) {
            case URL -> command.equals("move-index") ? "--to" : "--index-url";
            case LOGIN -> INDEX_USER + " / " + INDEX_PASSWORD;
            case SCHEMA -> "--index-schema";
        };
    }

    private static KeySource key(Options o) {
        char[] password = o.get("--storepass").map(String::toCharArray)
                .orElseThrow(() -> new BadInputException("--storepass is required with a key store or token"));
        String alias = o.get("--alias").orElse(null);
        if (o.get("--pkcs11-config").isPresent()) {
            return Pkcs11KeySource.open(Path.of(o.get("--pkcs11-config").get()), password, alias);
        }
        return Pkcs12KeySource.open(Path.of(o.required("--keystore")), password, alias);
    }

    private static KeySource trialKey() {
        TrialPki pki = TrialPki.create("Liên Thông bench CA");
        TrialPki.Issued issued = pki.issue(TrialPki.Profile.signer("Bench archive", "Liên Thông", "RSA"));
        return Pkcs12KeySource.ofKey(issued.key(), issued.chain(), ProviderPreference.NATIVE_IF_AVAILABLE);
    }

    private static SigningKey signingKey(Options o, KeySource key) {
        SigningKey signing = SigningKey.of(key);
        SignatureAlgorithm alg = o.get("--alg").map(SignatureAlgorithm::parse).orElse(signing.algorithm());
        DigestAlgorithm digest = o.get("--digest").map(DigestAlgorithm::parse).orElse(signing.digest());
        signing = signing.with(alg, digest);
        if (o.get("--tsa").isPresent()) {
            signing = signing.withTimestamps(new Rfc3161Client(TsaConfig.of(URI.create(o.get("--tsa").get()))));
        }
        return signing;
    }

    private static SearchQuery query(Options o) {
        SearchQuery q = SearchQuery.all();
        if (o.get("--dossier").isPresent()) {
            q = q.withDossierCode(o.get("--dossier").get());
        }
        if (o.get("--citizen-id").isPresent()) {
            q = q.withCitizenId(o.get("--citizen-id").get());
        }
        if (o.get("--procedure").isPresent()) {
            q = q.withProcedureCode(o.get("--procedure").get());
        }
        if (o.get("--from").isPresent() || o.get("--to").isPresent()) {
            ZoneId vn = ZoneId.of("Asia/Ho_Chi_Minh");
            Instant from = o.get("--from").map(d -> date(d).atStartOfDay(vn).toInstant()).orElse(Instant.EPOCH);
            Instant to = o.get("--to").map(d -> date(d).plusDays(1).atStartOfDay(vn).toInstant())
                    .orElse(Instant.now().plus(Duration.ofDays(1)));
            q = q.between(from, to);
        }
        return q;
    }

    private static String operator(Options o) {
        return o.get("--operator").orElse(System.getProperty("user.name"));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException("Not a date (YYYY-MM-DD): " + text, e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * The options one command takes: "--name value" options, "--flag" switches, and whether it takes
     * positional arguments (an ID or PAGE files).
     */
    private record Syntax(Set<String> valueOptions, Set<String> flags, boolean positional) {
        /** A command that opens the archive, so it also takes the store and key options. */
        static Syntax archive(Set<String> valueOptions, Set<String> flags, boolean positional) {
            return new Syntax(union(union(valueOptions, STORE), KEY), flags, positional);
        }

        String known() {
            List<String> known = new ArrayList<>(union(valueOptions, flags));
            known.sort(null);
            return String.join(" ", known);
        }
    }

    /** Parsed command line: the command, --name value options, flags and positional arguments. */
    private record Options(String command, Map<String, String> named, Set<String> flags, List<String> positional) {
        static Options parse(String[] args, Syntax syntax) {
            String command = args[0];
            Map<String, String> named = new HashMap<>();
            Set<String> flags = new HashSet<>();
            List<String> positional = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (syntax.flags().contains(a)) {
                    flags.add(a);
                } else if (syntax.valueOptions().contains(a)) {
                    if (i + 1 >= args.length) {
                        throw new BadInputException("Option " + a + " needs a value");
                    }
                    named.put(a, args[++i]);
                } else if (a.startsWith("-") || !syntax.positional()) {
                    throw new BadInputException((a.startsWith("-") ? "Unknown option '" : "Unexpected argument '")
                            + a + "' for " + command + "; it takes " + syntax.known());
                } else {
                    positional.add(a);
                }
            }
            return new Options(command, named, flags, positional);
        }

        Optional<String> get(String name) {
            return Optional.ofNullable(named.get(name));
        }

        String required(String name) {
            return get(name).orElseThrow(() -> new BadInputException(command + " needs " + name));
        }

        boolean flag(String name) {
            return flags.contains(name);
        }

        String single(String what) {
            if (positional.size() != 1) {
                throw new BadInputException(command + " needs exactly one " + what);
            }
            return positional.get(0);
        }

        int intValue(String name, int fallback) {
            try {
                return get(name).map(Integer::parseInt).orElse(fallback);
            } catch (NumberFormatException e) {
                throw new BadInputException(name + " must be a whole number", e);
            }
        }
    }
}
