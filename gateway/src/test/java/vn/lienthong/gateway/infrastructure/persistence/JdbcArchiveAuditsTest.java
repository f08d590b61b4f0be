package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.archive.ArchiveAuditRun;
import vn.lienthong.gateway.domain.archive.DamagedRecord;

/** The fixity audits' rows: one running at a time unless it went stale, progress, result with damaged records. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcArchiveAuditsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T09:00:00.123456789+07:00");

    @Parameter
    TestDatabase engine;

    private JdbcArchiveAudits audits;

    @BeforeEach
    void freshDatabase() {
        audits = new JdbcArchiveAudits(engine.fresh());
    }

    @Test
    void oneAuditRunsAtATimeUntilItFinishesOrGoesStale() {
        ArchiveAuditRun first = audits.start("auditor-1", T0, T0.minusMinutes(10)).orElseThrow();
        assertEquals(ArchiveAuditRun.Status.RUNNING, first.status());
        assertEquals(0, first.percent());
        assertTrue(audits.start("auditor-2", T0.plusSeconds(1), T0.minusMinutes(10)).isEmpty());

        audits.progress(first.id(), 3, 4, 300, 400, T0.plusSeconds(2));
        assertEquals(75, audits.find(first.id()).orElseThrow().percent());

        // A node that died leaves its row RUNNING; once it stops moving, another audit may start.
        ArchiveAuditRun second = audits.start("auditor-2", T0.plusMinutes(20), T0.plusMinutes(10)).orElseThrow();
        DamagedRecord damaged = new DamagedRecord("r-1", "000.20.20.H30-261207-0001", "scan", "CORRUPTED",
                "blob hash is 00, recorded 11");
        DamagedRecord untrusted = new DamagedRecord("r-2", "000.20.20.H30-261207-0001", "form-01", "UNTRUSTED",
                "intact, but not valid under the trust anchors: signature 1 INDETERMINATE: REVOKED_NO_POE");
        audits.finish(new ArchiveAuditRun(second.id(), ArchiveAuditRun.Status.DONE, "auditor-2", second.startedAt(),
                null, null, 5, 5, 500, 500, 3, 0, 1, 0, 1, true, List.of(damaged, untrusted), null), T0.plusMinutes(21));
        audits.fail(first.id(), "the node stopped", T0.plusMinutes(22));

        List<ArchiveAuditRun> latest = audits.latest(10);
        assertEquals(List.of(second.id(), first.id()), latest.stream().map(ArchiveAuditRun::id).toList());
        ArchiveAuditRun done = latest.get(0);
        assertEquals(ArchiveAuditRun.Status.DONE, done.status());
        assertEquals(100, done.percent());
        assertEquals(List.of(damaged, untrusted), done.problems());
        assertEquals(1, done.untrusted());
        assertTrue(done.trustChecked());
        assertEquals(T0.plusMinutes(21).toInstant().toEpochMilli(), done.finishedAt().toInstant().toEpochMilli());
        assertEquals(ArchiveAuditRun.Status.FAILED, latest.get(1).status());
        assertEquals("the node stopped", latest.get(1).error());
        assertTrue(audits.start("auditor-3", T0.plusMinutes(23), T0.plusMinutes(13)).isPresent());
    }
}
