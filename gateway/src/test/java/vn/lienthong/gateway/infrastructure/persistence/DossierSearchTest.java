package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierPage;
import vn.lienthong.gateway.domain.dossier.DossierQuery;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/** The desk's search box against the real schema: code, citizen ID, name, within the caller's scope. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DossierSearchTest {

    private static final String UNIT = "000.00.20.H30";
    private static final String OTHER = "002.00.20.H13";
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T09:00:00+07:00");

    @Parameter
    TestDatabase engine;

    private final JdbcDossierRepository repository = new JdbcDossierRepository();

    @BeforeEach
    void freshDatabase() {
        repository.dataSource = engine.fresh();
        add(UNIT + "-261207-0001", UNIT, "Nguyễn Thị Diệu", "001190012345");
        add(UNIT + "-261207-0002", UNIT, "Trần Văn Hùng", "001190012346");
        add(UNIT + "-261207-0012", UNIT, "Lê Thật", "001190012347");
        add(OTHER + "-261207-0001", OTHER, "Nguyễn Thị Diệu", "001190012345");
    }

    private void add(String code, String agency, String name, String citizenId) {
        OffsetDateTime at = NOW.minusHours(1).plusMinutes(Integer.parseInt(code.substring(code.length() - 4)));
        Dossier dossier = Dossier.received(new DossierCode(code), "1.001193", agency, Channel.COUNTER,
                new Applicant(name, new CitizenId(citizenId), null, null), "{}", "canbo01", at, at.plusDays(3));
        repository.add(dossier, new DossierEvent(DossierEvent.Kind.RECEIVED, null, DossierStatus.RECEIVED, "canbo01",
                null, agency, null, dossier.dueAt(), "test", at));
    }

    private List<String> search(String text) {
        return codes(repository.search(query(text, 0, 20), NOW));
    }

    private static DossierQuery query(String text, int page, int size) {
        return new DossierQuery(AgencyScope.only(UNIT), null, null, null, false, null, null, text, page, size);
    }

    private static List<String> codes(DossierPage page) {
        return page.items().stream().map(d -> d.code().value()).toList();
    }

    @Test
    void aWholeCodeFindsThatDossierAndItsBeginningFindsItsDay() {
        assertEquals(List.of(UNIT + "-261207-0002"), search(UNIT + "-261207-0002"));
        assertEquals(List.of(UNIT + "-261207-0012"), search("000.00.20.h30-261207-001"), "any case");
        assertEquals(List.of(UNIT + "-261207-0012", UNIT + "-261207-0002", UNIT + "-261207-0001"),
                search("000.00.20.H30-261207-"), "newest first");
    }

    @Test
    void aCitizenIdMatchesExactlyAndOnlyInScope() {
        assertEquals(List.of(UNIT + "-261207-0001"), search("001190012345"));
        assertEquals(List.of(), search("00119001234"), "eleven digits are no ID and match no name or code");
    }

    @Test
    void partOfTheNameInAnyCaseAndEitherUnicodeForm() {
        assertEquals(List.of(UNIT + "-261207-0001"), search("thị diệu"));
        assertEquals(List.of(UNIT + "-261207-0002"), search("  VĂN   hùng "));
        // "diệu" typed with combining marks (NFD), as some keyboards send it.
        assertEquals(List.of(UNIT + "-261207-0001"), search("die\u0323\u0302u"));
    }

    @Test
    void likeWildcardsAreTakenLiterally() {
        assertEquals(List.of(), search("Nguy%Diệu"));
        assertEquals(List.of(), search("Tr_n"));
        assertEquals(List.of(), search("%"));
    }

    @Test
    void theSearchCombinesWithFiltersAndPaging() {
        assertEquals(1, repository.search(query("nguyễn", 0, 1), NOW).total(), "the other agency's namesake is out of scope");
        DossierPage second = repository.search(query("000.00.20.H30", 1, 2), NOW);
        assertEquals(3, second.total());
        assertEquals(List.of(UNIT + "-261207-0001"), codes(second));
        DossierQuery rejected = new DossierQuery(AgencyScope.only(UNIT), DossierStatus.REJECTED, null, null, false,
                null, null, "nguyễn", 0, 20);
        assertTrue(repository.search(rejected, NOW).items().isEmpty());
    }

    @Test
    void blankTextIsNoFilterAndOverlongTextIsRefused() {
        assertEquals(3, search("   ").size());
        assertEquals(3, search(null).size());
        assertThrows(InvalidDossierException.class, () -> query("x".repeat(DossierQuery.MAX_TEXT + 1), 0, 20));
    }
}
