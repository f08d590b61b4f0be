package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.calendar.GoldenDays;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.Settlement;
import vn.lienthong.gateway.domain.dossier.StatisticsRow;
import vn.lienthong.gateway.domain.exchange.FlowSteps;
import vn.lienthong.gateway.domain.exchange.StepStatisticsRow;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/** The desk's report figures over a period, per agency, procedure or officer, with a total. */
@ApplicationScoped
public class DeskStatistics {

    /**
     * The figures and their total; {@code goldenDays}: per group, the dossiers settled with a result on a
     * golden day of their unit for their field ("hai ngày vàng") and those settled on other days;
     * {@code onTheSpot}: per group, the dossiers settled on the spot ("4 tại chỗ").
     */
    public record Report(LocalDate from, LocalDate to, StatisticsGrouping groupBy, OffsetDateTime asOf,
                         List<StatisticsRow> rows, StatisticsRow total, List<GoldenDayRow> goldenDays,
                         GoldenDayRow goldenDaysTotal, List<OnTheSpotRow> onTheSpot, OnTheSpotRow onTheSpotTotal) {
    }

    /** The dossiers of one group settled on the spot ("4 tại chỗ"). */
    public record OnTheSpotRow(String key, long settledOnTheSpot) {

        OnTheSpotRow plus(OnTheSpotRow o) {
            return new OnTheSpotRow(key, settledOnTheSpot + o.settledOnTheSpot);
        }
    }

    /** Settled on a golden day against settled on another day, for one group. */
    public record GoldenDayRow(String key, long settledOnGoldenDays, long settledOtherDays) {

        GoldenDayRow plus(GoldenDayRow o) {
            return new GoldenDayRow(key, settledOnGoldenDays + o.settledOnGoldenDays, settledOtherDays + o.settledOtherDays);
        }
    }

    private static final int MAX_DAYS = 3660;

    @Inject
    DossierRepository dossiers;

    @Inject
    Clock clock;

    @Inject
    FlowSteps flowSteps;

    @Inject
    GoldenDays goldenDays;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    WorkingCalendar calendar;

    /** Flow steps per agency against each step's own deadline, and their total. */
    public record StepReport(LocalDate from, LocalDate to, OffsetDateTime asOf, List<StepStatisticsRow> rows,
                             StepStatisticsRow total) {
    }

    public StepReport steps(AgencyScope scope, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM);
        List<StepStatisticsRow> rows = flowSteps.statistics(scope, from, to, now);
        StepStatisticsRow total = rows.stream().reduce(new StepStatisticsRow("TOTAL", 0, 0, 0, 0, 0),
                StepStatisticsRow::plus);
        return new StepReport(from, to, now, rows, total);
    }

    public Report report(AgencyScope scope, LocalDate from, LocalDate to, StatisticsGrouping groupBy) {
        checkPeriod(from, to);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM);
        List<StatisticsRow> rows = dossiers.statistics(scope, from, to, groupBy, now);
        StatisticsRow total = rows.stream()
                .reduce(new StatisticsRow("TOTAL", 0, 0, 0, 0, 0, 0, 0, 0), StatisticsRow::plus);
        List<Settlement> settled = dossiers.settlements(scope, from, to, groupBy);
        List<GoldenDayRow> golden = goldenDayRows(settled);
        GoldenDayRow goldenTotal = golden.stream().reduce(new GoldenDayRow("TOTAL", 0, 0), GoldenDayRow::plus);
        Map<String, OnTheSpotRow> spot = new TreeMap<>();
        settled.stream().filter(Settlement::onTheSpot)
                .forEach(s -> spot.merge(s.key(), new OnTheSpotRow(s.key(), 1), OnTheSpotRow::plus));
        OnTheSpotRow spotTotal = spot.values().stream().reduce(new OnTheSpotRow("TOTAL", 0), OnTheSpotRow::plus);
        return new Report(from, to, groupBy, now, rows, total, golden, goldenTotal, List.copyOf(spot.values()), spotTotal);
    }

    private List<GoldenDayRow> goldenDayRows(List<Settlement> settled) {
        Map<String, GoldenDayRow> rows = new TreeMap<>();
        for (Settlement s : settled) {
            LocalDate day = s.finishedAt().withOffsetSameInstant(WorkingCalendar.VIETNAM).toLocalDate();
            boolean golden = catalogue.procedure(s.procedureCode())
                    .map(p -> goldenDays.isGoldenDay(s.agencyCode(), p, day, calendar)).orElse(false);
            rows.merge(s.key(), new GoldenDayRow(s.key(), golden ? 1 : 0, golden ? 0 : 1), GoldenDayRow::plus);
        }
        return List.copyOf(rows.values());
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidDossierException("to", "Ngày kết thúc (to) phải sau ngày bắt đầu (from)",
                    "'to' must not be before 'from'");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidDossierException("to", "Khoảng thời gian tối đa là 10 năm",
                    "The period may span at most 10 years");
        }
    }
}
