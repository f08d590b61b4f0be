package vn.lienthong.gateway.infrastructure.paper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.document.DossierDocument;
import vn.lienthong.gateway.domain.document.DossierDocuments;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierRegister;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.paper.CertificateUnusableException;
import vn.lienthong.gateway.domain.paper.PaperException;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.paper.PaperJobs;
import vn.lienthong.gateway.domain.paper.RegisterPrinter;
import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.signing.ltv.LongTermResult;

/**
 * Works off the paper jobs, outside any dossier transaction: claims what is due, composes each
 * paper from the persisted dossier, history and agency result, renders and signs it twice, and
 * deposits it with the dossier's documents. A failed attempt is retried with a doubling backoff
 * and keeps its last error; a worker that dies leaves its claim to expire and be taken again.
 * Depositing is idempotent per source, so a crash between deposit and "done" costs one render.
 * A paper whose validation data cannot be had when it is signed is issued at PAdES-BASELINE-T all
 * the same, and a long-term update job of its own (source "lt:" + the paper's) adds the data to the
 * archived paper later, retried until the revocation sources answer.
 * It also prints the dossier register (form 07) on demand, sealed with the agency's key.
 */
@ApplicationScoped
public class PaperMill implements RegisterPrinter {

    private static final Logger LOG = Logger.getLogger(PaperMill.class.getName());
    static final String ACTOR = "lienthong-gateway";

    /**
     * How the mill works: claims, retries, where it writes, and where the keys are. A long-term update
     * gets {@code longTermMaxAttempts}: revocation sources may stay down longer than a paper should wait.
     */
    public record Settings(int batchSize, Duration lease, int maxAttempts, int longTermMaxAttempts,
                           Duration retryInitial, Duration retryMax, Path workDir, PaperComposer.Issuer issuer) {
    }

    @Inject
    PaperJobs jobs;
    @Inject
    DossierRepository dossiers;
    @Inject
    Outbox outbox;
    @Inject
    ConnectorDirectory connectors;
    @Inject
    ProcedureCatalogue catalogue;
    @Inject
    Instance<DossierDocuments> documentStore;
    @Inject
    Clock clock;
    @Inject
    PaperConfiguration configuration;

    /**
     * How many threads of this node make papers at once. The timer and every committed change's nudge
     * both drain; unbounded, papers took both cores of a small node and starved the exchanges (thread
     * priorities do nothing for Java on Linux without root). A drain that finds every worker busy
     * leaves at once: the jobs are durable rows, and the busy worker or the next poll takes them.
     * More paper capacity comes from more workers on a bigger node, or from other nodes.
     */
    @Inject
    @ConfigProperty(name = "lienthong.papers.workers", defaultValue = "1")
    int workerCount = 1;

    private Semaphore workers;

    private Supplier<DossierDocuments> documents;
    private Settings settings;
    private Supplier<PaperKeys> keySupplier;
    private PaperKeys keys;
    private PaperPress press;
    private PaperComposer composer;

    public PaperMill() {
    }

    /** Outside a container: everything given. */
    public PaperMill(PaperJobs jobs, DossierRepository dossiers, Outbox outbox, ConnectorDirectory connectors,
                     ProcedureCatalogue catalogue, DossierDocuments documents, Clock clock, Settings settings,
                     Supplier<PaperKeys> keys) {
        this(jobs, dossiers, outbox, connectors, catalogue, documents, clock, settings, keys, new PaperPress());
    }

    /** Outside a container, with the press (its TSA and revocation source) given too. */
    public PaperMill(PaperJobs jobs, DossierRepository dossiers, Outbox outbox, ConnectorDirectory connectors,
                     ProcedureCatalogue catalogue, DossierDocuments documents, Clock clock, Settings settings,
                     Supplier<PaperKeys> keys, PaperPress press) {
        this.jobs = jobs;
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.connectors = connectors;
        this.catalogue = catalogue;
        this.documents = () -> documents;
        this.clock = clock;
        this.settings = settings;
        this.keySupplier = keys;
        this.press = press;
        this.composer = new PaperComposer(settings.issuer());
    }

    private synchronized void init() {
        if (settings == null) {
            settings = configuration.settings();
            composer = new PaperComposer(settings.issuer());
            keySupplier = configuration::openKeys;
            press = configuration.press();
            documents = () -> {
                if (!documentStore.isResolvable()) {
                    throw new PaperException("No dossier document store is deployed; the paper waits for one", null);
                }
                return documentStore.get();
            };
        }
    }

    /**
     * Claims the due jobs and makes their papers, one after another, batch after batch while batches
     * come full; answers how many were made. Answers 0 at once when this node's paper workers are all busy.
     */
    public int drain() {
        Semaphore bound = workers();
        if (!bound.tryAcquire()) {
            return 0;
        }
        try {
            // A full batch means more may be due: claim again rather than wait for the next poll,
            // which capped the mill at batch-size papers per poll period (5/s) however idle the node.
            int made = 0;
            List<PaperJob> claimed;
            do {
                OffsetDateTime now = OffsetDateTime.now(clock);
                claimed = jobs.claimDue(now, now.plus(settings.lease()), settings.batchSize());
                for (PaperJob job : claimed) {
                    if (make(job)) {
                        made++;
                    }
                }
            } while (claimed.size() >= settings.batchSize() && !Thread.currentThread().isInterrupted());
            return made;
        } finally {
            bound.release();
        }
    }

    private synchronized Semaphore workers() {
        init();
        if (workers == null) {
            workers = new Semaphore(Math.max(1, workerCount));
        }
        return workers;
    }

    /** Makes one claimed job's paper; answers whether it is done. */
    boolean make(PaperJob job) {
        try {
            DossierDocuments store = documents.get();
            if (job.longTermUpdate()) {
                extendArchived(job, store);
            } else if (store.bySource(job.dossierCode(), job.source()).isEmpty()) {
                PaperComposer.Composed paper = compose(job);
                Path file = settings.workDir().resolve("paper-" + job.id() + ".pdf");
                try {
                    PaperKeys.Signers signers = keys().signers(signatory(job));
                    PaperPress.Pressed pressed = press.press(paper.document(), signers.officer(), signers.agency(),
                            settings.workDir(), file);
                    LongTermResult level = pressed.level();
                    if (!level.longTerm()) {
                        // Ordered before the deposit: a crash in between leaves the update waiting for the
                        // paper, never a paper at B-T that nothing will bring to B-LT.
                        jobs.request(job.dossierCode(), job.kind(), PaperJob.longTermSource(job.source()),
                                OffsetDateTime.now(clock));
                        LOG.warning(() -> "Paper " + job.source() + " of " + job.dossierCode() + " issued at "
                                + level.level() + ", not PAdES-BASELINE-LT: " + String.join("; ", level.missing())
                                + "; its validation data is added later");
                    }
                    store.deposit(job.dossierCode(), job.kind(), paper.title(), job.source(), file, pressed.signed(),
                            ACTOR);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            jobs.done(job, OffsetDateTime.now(clock));
            LOG.fine(() -> "Paper " + job.source() + " of " + job.dossierCode() + " signed and archived");
            return true;
        } catch (RuntimeException | IOException e) {
            // Whatever failed (data, keys, store, the archive), the job is kept and retried: every
            // one of these can be fixed without losing the paper.
            String error = PersonalDataMask.mask(String.valueOf(e.getMessage()));
            OffsetDateTime now = OffsetDateTime.now(clock);
            String lastError = e.getClass().getSimpleName() + ": " + error;
            PaperJob stored = jobs.failed(job, lastError,
                    job.longTermUpdate() ? settings.longTermMaxAttempts() : settings.maxAttempts(), this::backoff, now);
            if (e instanceof CertificateUnusableException && !lastError.equals(job.lastError())) {
                refusedInHistory(job, error, now);
            }
            boolean givenUp = stored.status() == PaperJob.Status.FAILED;
            LOG.log(givenUp ? Level.SEVERE : Level.WARNING, () -> noun(job) + " " + job.source() + " of "
                    + job.dossierCode() + " failed (attempt " + job.attempts() + ", "
                    + (givenUp ? "giving up" : "again at " + stored.nextAttemptAt()) + "): " + error);
            return false;
        }
    }

    /**
     * Adds the validation data to the archived paper of a long-term update and deposits the result in
     * its place; fails (to be retried) while the data still cannot be had.
     */
    private void extendArchived(PaperJob job, DossierDocuments store) throws IOException {
        String paperSource = job.paperSource();
        DossierDocument paper = store.bySource(job.dossierCode(), paperSource).orElseThrow(() -> new PaperException(
                noun(job) + " " + paperSource + " of " + job.dossierCode() + " is not archived yet", null));
        Files.createDirectories(settings.workDir());
        Path file = settings.workDir().resolve("long-term-" + job.id() + ".pdf");
        try {
            try (InputStream in = store.open(paper, ACTOR)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            LongTermResult level = press.extend(file);
            if (!level.longTerm()) {
                throw new PaperException(noun(job) + " " + paperSource + " of " + job.dossierCode() + " stays at "
                        + level.level() + " for now: " + String.join("; ", level.missing()), null);
            }
            store.revise(paper, file, ACTOR);
            LOG.info(() -> noun(job) + " " + paperSource + " of " + job.dossierCode() + " brought to " + level.level());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What the job's log lines call its document: a scan's long-term update is not a paper's. */
    private static String noun(PaperJob job) {
        return job.kind() == DocumentKind.SCAN ? "Scan" : "Paper";
    }

    /**
     * Who signs a paper: the officer who last acted on the dossier at the desk (received, handed
     * over, changed its status or extended it), else the one who received it; of the dossier's agency.
     */
    private PaperKeys.Signatory signatory(PaperJob job) {
        Dossier dossier = dossiers.find(job.dossierCode()).orElseThrow(() -> new PaperException(
                "Dossier " + job.dossierCode() + " does not exist", null));
        String officer = dossier.receivedBy();
        if (job.kind() != DocumentKind.FORM_01) {
            for (DossierEvent e : dossiers.history(dossier.code())) {
                boolean atDesk = switch (e.kind()) {
                    case RECEIVED, HANDOVER, TRANSITION, EXTENSION -> true;
                    default -> false;
                };
                if (atDesk && e.actor() != null && !e.actor().isBlank() && !ACTOR.equals(e.actor())) {
                    officer = e.actor();
                }
            }
        }
        String desk = catalogue.agency(dossier.agencyCode()).map(Agency::name).orElse(dossier.agencyCode());
        return new PaperKeys.Signatory(officer == null ? ACTOR : officer, dossier.agencyCode(), desk);
    }

    /** One line in the dossier's history when a signer's certificate stops a paper, so the desk sees why. */
    private void refusedInHistory(PaperJob job, String why, OffsetDateTime now) {
        try {
            dossiers.record(job.dossierCode(), new DossierEvent(DossierEvent.Kind.PAPER_REFUSED, null, null, ACTOR,
                    null, null, null, null, "Chưa ký được " + job.source() + ": " + why, now));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot record the refused paper in the history of " + job.dossierCode(), e);
        }
    }

    private PaperComposer.Composed compose(PaperJob job) {
        Dossier dossier = dossiers.find(job.dossierCode()).orElseThrow(() -> new PaperException(
                "Dossier " + job.dossierCode() + " does not exist", null));
        String desk = catalogue.agency(dossier.agencyCode()).map(Agency::name).orElse(dossier.agencyCode());
        return switch (job.kind()) {
            case RESULT -> {
                AgencyMessage message = outbox.find(job.source()).orElseThrow(() -> new PaperException(
                        "Agency message " + job.source() + " of " + job.dossierCode() + " does not exist", null));
                if (message.result() == null) {
                    throw new PaperException("Agency message " + job.source() + " has no result yet", null);
                }
                String agency = connectors.byId(message.agencyId()).map(Connector::name).orElse(message.agencyId());
                yield composer.result(dossier, message, agency, message.updatedAt());
            }
            case FORM_01 -> composer.form01(dossier, catalogue.procedure(dossier.procedureCode()), desk,
                    dossier.receivedAt());
            case FORM_06 -> composer.form06(dossier, dossiers.history(dossier.code()),
                    catalogue.procedure(dossier.procedureCode()), desk,
                    Optional.ofNullable(dossier.finishedAt()).orElse(OffsetDateTime.now(clock)));
            case FORM_02 -> composer.form02(dossier, catalogue.procedure(dossier.procedureCode()), desk, decision(job));
            case FORM_03 -> composer.form03(dossier, catalogue.procedure(dossier.procedureCode()), desk, decision(job));
            case FORM_04 -> composer.form04(dossier, catalogue.procedure(dossier.procedureCode()), desk, decision(job));
            case FORM_05 -> composer.form05(dossier, catalogue.procedure(dossier.procedureCode()), desk, decision(job));
            case SCAN -> throw new PaperException("Scans are not papers the gateway renders", null);
        };
    }

    private static DeskDecision decision(PaperJob job) {
        if (job.decision() == null) {
            throw new PaperException("Paper " + job.source() + " of " + job.dossierCode() + " has no desk decision", null);
        }
        return job.decision();
    }

    /** Renders the dossier register (form 07) and seals it with the agency's key; nothing is archived. */
    @Override
    public byte[] sealed(DossierRegister register) {
        init();
        PaperComposer.Composed paper = composer.form07(register);
        Path file = settings.workDir().resolve("register-" + UUID.randomUUID() + ".pdf");
        try {
            press.seal(paper.document(), keys().agency(register.agencyCode(), register.agencyName()), settings.workDir(), file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PaperException("Cannot read the sealed register " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.FINE, e, () -> "Cannot delete " + file);
            }
        }
    }

    private synchronized PaperKeys keys() {
        if (keys == null) {
            keys = keySupplier.get();
        }
        return keys;
    }

    Duration backoff(int attempts) {
        Duration d = settings.retryInitial();
        for (int i = 1; i < attempts && d.compareTo(settings.retryMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : d;
    }

    @PreDestroy
    synchronized void close() {
        if (keys != null) {
            keys.close();
            keys = null;
        }
    }
}
