package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierPage;
import vn.lienthong.gateway.domain.dossier.DossierQuery;
import vn.lienthong.gateway.domain.dossier.DossierRegister;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.paper.RegisterPrinter;
import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/** Draws up the dossier register (form 07) of one receiving unit for a period, as data or as a sealed PDF. */
@ApplicationScoped
public class DeskRegister {

    /** The longest period one register covers: a year's book. */
    static final int MAX_DAYS = 366;
    /** The most rows one register lists; a busier unit asks for shorter periods. */
    static final int MAX_ROWS = 20_000;
    private static final int PAGE = 200;

    @Inject
    DossierRepository dossiers;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    Clock clock;

    @Inject
    RegisterPrinter printer;

    /** The register of {@code agencyCode}'s dossiers received from {@code from} to {@code to}, within the caller's scope. */
    public DossierRegister of(AgencyScope scope, String agencyCode, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidDossierException("to", "Ngày kết thúc (to) phải sau ngày bắt đầu (from)",
                    "'to' must not be before 'from'");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidDossierException("to", "Một sổ theo dõi tối đa " + MAX_DAYS + " ngày",
                    "One register covers at most " + MAX_DAYS + " days");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM)
                .truncatedTo(ChronoUnit.SECONDS);
        // Read page by page; a dossier received meanwhile shifts the pages, so rows are keyed by code.
        Map<String, Dossier> received = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            DossierPage p = dossiers.search(new DossierQuery(scope, null, null, agencyCode, false, from, to, null,
                    page, PAGE), now);
            if (p.total() > MAX_ROWS) {
                throw new InvalidDossierException("to", "Sổ có " + p.total() + " hồ sơ, quá " + MAX_ROWS
                        + "; hãy chọn khoảng thời gian ngắn hơn", "The register would list " + p.total()
                        + " dossiers, over " + MAX_ROWS + "; ask for a shorter period");
            }
            p.items().forEach(d -> received.put(d.code().value(), d));
            if (p.items().size() < PAGE) {
                break;
            }
        }
        List<DossierRegister.Row> rows = new ArrayList<>();
        received.values().stream()
                .sorted(Comparator.comparing(Dossier::receivedAt).thenComparing(d -> d.code().value()))
                .forEach(d -> rows.add(DossierRegister.Row.of(d,
                        catalogue.procedure(d.procedureCode()).map(Procedure::name).orElse(d.procedureCode()), now)));
        String name = catalogue.agency(agencyCode).map(Agency::name).orElse(agencyCode);
        return new DossierRegister(agencyCode, name, from, to, now, rows);
    }

    /** The register as a PDF/A-2b sealed by the agency. */
    public byte[] sealed(DossierRegister register) {
        return printer.sealed(register);
    }
}
