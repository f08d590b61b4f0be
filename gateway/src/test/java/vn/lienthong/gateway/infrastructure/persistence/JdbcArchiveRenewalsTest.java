package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.archive.ArchiveRenewalRun;

/**
 * The renewal runs' rows on both databases: a run over every record (no dossier) and a dry run of one
 * dossier, one at a time unless stale, progress only while running, the result with its actions.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcArchiveRenewalsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T09:00:00.123456789+07:00");

    @Parameter
    TestDatabase engine;

    private JdbcArchiveRenewals renewals;

    @BeforeEach
    void freshDatabase() {
        renewals = new JdbcArchiveRenewals(engine.fresh());
    }

    @Test
    void oneRunAtATimeItsProgressAndItsResult() {
        ArchiveRenewalRun first = renewals.start("scheduler", "node-1", false, null, T0, T0.minusMinutes(10)).orElseThrow();
        assertEquals(List.of(ArchiveRenewalRun.Status.RUNNING, false, "node-1"),
                List.of(first.status(), first.dryRun(), first.node()));
        assertNull(first.dossierCode());
        assertTrue(renewals.start("auditor-1", "node-2", true, "000.00.20.H30-261207-0001", T0.plusSeconds(1),
                T0.minusMinutes(10)).isEmpty());

        renewals.progress(first.id(), 1, 4, 1, T0.plusSeconds(2));
        assertEquals(25, renewals.find(first.id()).orElseThrow().percent());

        ArchiveRenewalRun second = renewals.start("auditor-1", "node-2", true, "000.00.20.H30-261207-0001",
                T0.plusMinutes(20), T0.plusMinutes(10)).orElseThrow();
        renewals.fail(first.id(), "the node stopped", T0.plusMinutes(21));
        renewals.progress(first.id(), 4, 4, 1, T0.plusMinutes(22));
        List<ArchiveRenewalRun.Action> actions = List.of(new ArchiveRenewalRun.Action("EXTEND", "r-1", "validation data in"),
                new ArchiveRenewalRun.Action("RENEW", "r-2", "TSA certificate ends\tsoon"));
        renewals.finish(new ArchiveRenewalRun(second.id(), ArchiveRenewalRun.Status.DONE, true, second.dossierCode(),
                "auditor-1", "node-2", second.startedAt(), null, null, 2, 2, 1, 1, 0, actions, null), T0.plusMinutes(23));

        List<ArchiveRenewalRun> latest = renewals.latest(10);
        assertEquals(List.of(second.id(), first.id()), latest.stream().map(ArchiveRenewalRun::id).toList());
        ArchiveRenewalRun done = latest.get(0);
        assertEquals(List.of(ArchiveRenewalRun.Status.DONE, true, "000.00.20.H30-261207-0001", 100),
                List.of(done.status(), done.dryRun(), done.dossierCode(), done.percent()));
        assertEquals(List.of("EXTEND r-1 validation data in", "RENEW r-2 TSA certificate ends soon"),
                done.actions().stream().map(a -> a.kind() + " " + a.recordId() + " " + a.reason()).toList());
        ArchiveRenewalRun failed = latest.get(1);
        assertEquals(List.of(ArchiveRenewalRun.Status.FAILED, "the node stopped", 1L),
                List.of(failed.status(), failed.error(), failed.checked()), "a failed run takes no more progress");
        assertTrue(renewals.start("scheduler", "node-1", false, null, T0.plusMinutes(24), T0.plusMinutes(14)).isPresent());
    }
}
