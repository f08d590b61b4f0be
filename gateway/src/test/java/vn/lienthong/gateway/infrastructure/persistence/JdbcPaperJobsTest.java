package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.paper.PaperJob;

/** The job store: one job per (dossier, source), claims with a lease, retries, and what is still pending. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcPaperJobsTest {

    private static final DossierCode CODE = new DossierCode("000.00.00.H30-261008-0975");
    private static final DossierCode OTHER = new DossierCode("000.00.00.H30-261008-0976");
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-10-08T09:00:00.123456789+07:00");

    @Parameter
    TestDatabase engine;

    private JdbcPaperJobs jobs;

    @BeforeEach
    void freshDatabase() {
        jobs = new JdbcPaperJobs(engine.fresh());
    }

    @Test
    void aSourceIsOrderedOncePerDossier() {
        assertTrue(jobs.request(CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0));
        assertFalse(jobs.request(CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0.plusSeconds(1)));
        assertTrue(jobs.request(OTHER, DocumentKind.FORM_01, PaperJob.FORM_01, T0));
        assertEquals(2, jobs.claimDue(T0, T0.plusMinutes(5), 10).size());
    }

    @Test
    void aClaimedJobIsNotClaimedAgainUntilItsLeaseExpires() {
        jobs.request(CODE, DocumentKind.RESULT, "msg-1", T0);
        List<PaperJob> first = jobs.claimDue(T0, T0.plusMinutes(5), 10);
        assertEquals(1, first.size());
        assertEquals(1, first.get(0).attempts());
        assertEquals(List.of(), jobs.claimDue(T0.plusMinutes(4), T0.plusMinutes(9), 10));

        // The first worker died: after its lease, the job is claimed again.
        List<PaperJob> second = jobs.claimDue(T0.plusMinutes(6), T0.plusMinutes(11), 10);
        assertEquals(1, second.size());
        assertEquals(2, second.get(0).attempts());

        // The dead worker's late "done" changes nothing; the live one's does.
        jobs.done(first.get(0), T0.plusMinutes(7));
        assertEquals(PaperJob.Status.CLAIMED, jobs.find(CODE, "msg-1").orElseThrow().status());
        assertTrue(jobs.pending(CODE));
        jobs.done(second.get(0), T0.plusMinutes(8));
        assertEquals(PaperJob.Status.DONE, jobs.find(CODE, "msg-1").orElseThrow().status());
        assertFalse(jobs.pending(CODE));
        assertEquals(List.of(), jobs.claimDue(T0.plusHours(1), T0.plusHours(2), 10));
    }

    @Test
    void aFailedAttemptKeepsItsErrorAndIsDueAgainAtItsRetryTime() {
        jobs.request(CODE, DocumentKind.FORM_06, PaperJob.FORM_06, T0);
        PaperJob job = jobs.claimDue(T0, T0.plusMinutes(5), 10).get(0);
        // Two attempts at most, 29 s apart: due again at T0 + 30 s.
        jobs.failed(job, "archive unavailable", 2, attempts -> Duration.ofSeconds(29), T0.plusSeconds(1));
        PaperJob stored = jobs.find(CODE, PaperJob.FORM_06).orElseThrow();
        assertEquals(PaperJob.Status.PENDING, stored.status());
        assertEquals("archive unavailable", stored.lastError());
        assertEquals(List.of(), jobs.claimDue(T0.plusSeconds(29), T0.plusMinutes(5), 10));
        PaperJob again = jobs.claimDue(T0.plusSeconds(31), T0.plusMinutes(5), 10).get(0);
        assertEquals(2, again.attempts());

        jobs.failed(again, "still unavailable", 2, attempts -> Duration.ofSeconds(29), T0.plusSeconds(32));
        assertEquals(PaperJob.Status.FAILED, jobs.find(CODE, PaperJob.FORM_06).orElseThrow().status());
        assertTrue(jobs.pending(CODE), "a paper that failed for good is not ready");
        assertEquals(List.of(), jobs.claimDue(T0.plusDays(1), T0.plusDays(2), 10));
    }

    @Test
    void aPendingLongTermUpdateDoesNotHoldThePaperBack() {
        jobs.request(CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0);
        jobs.done(jobs.claimDue(T0, T0.plusMinutes(5), 10).get(0), T0.plusSeconds(1));
        assertTrue(jobs.request(CODE, DocumentKind.FORM_01, PaperJob.longTermSource(PaperJob.FORM_01), T0));

        PaperJob update = jobs.find(CODE, "lt:form-01").orElseThrow();
        assertTrue(update.longTermUpdate());
        assertEquals(PaperJob.FORM_01, update.paperSource());
        assertFalse(jobs.pending(CODE), "the paper is issued (at B-T); its validation data follows");
        assertEquals(List.of(update.id()), jobs.claimDue(T0.plusSeconds(2), T0.plusMinutes(5), 10).stream()
                .map(PaperJob::id).toList());
    }

    @Test
    void aJobNotYetDueAndAnotherDossiersJobsAreLeftAlone() {
        assertFalse(jobs.pending(CODE));
        jobs.request(CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0.plusMinutes(1));
        assertEquals(List.of(), jobs.claimDue(T0, T0.plusMinutes(5), 10));
        assertTrue(jobs.pending(CODE));
        assertFalse(jobs.pending(OTHER));
    }

    @Test
    void aDeskDecisionIsKeptWithItsJobAndClaimedWithIt() {
        DeskDecision decision = new DeskDecision("Thiếu bản chính \"giấy chứng sinh\"", List.of("Giấy chứng sinh (bản chính)",
                "Tờ khai CT01"), T0.plusDays(5), T0.plusDays(9), "can-bo-1", T0.plusHours(1));
        String source = PaperJob.deskSource(DocumentKind.FORM_02, T0.plusHours(1));
        assertTrue(jobs.request(CODE, DocumentKind.FORM_02, source, decision, T0));
        assertTrue(source.startsWith("form-02@"), source);
        assertEquals("form-03", PaperJob.deskSource(DocumentKind.FORM_03, T0));
        jobs.request(CODE, DocumentKind.FORM_01, PaperJob.FORM_01, T0);

        List<PaperJob> claimed = jobs.claimDue(T0, T0.plusMinutes(5), 10);
        PaperJob form02 = claimed.stream().filter(j -> j.kind() == DocumentKind.FORM_02).findFirst().orElseThrow();
        assertEquals(decision.reason(), form02.decision().reason());
        assertEquals(decision.documentsToAdd(), form02.decision().documentsToAdd());
        assertEquals(decision.officer(), form02.decision().officer());
        assertEquals(decision.at().toInstant(), form02.decision().at().toInstant());
        assertEquals(decision.newDueAt().toInstant(), form02.decision().newDueAt().toInstant());
        assertEquals(decision.previousDueAt().toInstant(), form02.decision().previousDueAt().toInstant());
        assertEquals(null, jobs.find(CODE, PaperJob.FORM_01).orElseThrow().decision());
    }
}
