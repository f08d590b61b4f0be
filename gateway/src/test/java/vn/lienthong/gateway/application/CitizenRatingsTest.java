package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.calendar.OfficeHours;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.dossier.UnknownReferenceException;
import vn.lienthong.gateway.domain.rating.CitizenComment;
import vn.lienthong.gateway.domain.rating.Moderation;
import vn.lienthong.gateway.domain.rating.NoRatingTargetException;
import vn.lienthong.gateway.domain.rating.RatingConflictException;
import vn.lienthong.gateway.domain.rating.SatisfactionRow;
import vn.lienthong.gateway.domain.rating.Scores;
import vn.lienthong.gateway.infrastructure.config.CatalogueFile;
import vn.lienthong.gateway.infrastructure.persistence.JdbcDossierRepository;
import vn.lienthong.gateway.infrastructure.persistence.JdbcRatings;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;

/** Rating a dossier: only finished, only once, only with the right phone digits; the leader's figures move. */
class CitizenRatingsTest {

    private static final String COMMUNE = "000.20.20.H30";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T09:00:00+07:00");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(new PublicHolidays(Map.of()),
            OfficeHours.standard(), LocalTime.of(15, 0));
    private static final Caller LEADER = new Caller("lanhdao01", COMMUNE, Set.of(Caller.LEADER));

    private final CitizenRatings ratings = new CitizenRatings();
    private JdbcDossierRepository dossiers;

    @BeforeEach
    void wiring() {
        var database = TestDatabase.H2.fresh();
        dossiers = new JdbcDossierRepository(database);
        PublicLookup lookup = new PublicLookup();
        lookup.dossiers = dossiers;
        ratings.lookup = lookup;
        ratings.dossiers = dossiers;
        ratings.ratings = new JdbcRatings(database);
        ratings.catalogue = CatalogueFile.load(null);
        ratings.clock = Clock.fixed(AT.plusDays(2).toInstant(), ZoneOffset.UTC);
    }

    @Test
    void aFinishedDossierIsRatedOnceAndTiedToTheOfficerWhoSettledIt() {
        DossierCode code = dossier(1, true);
        CitizenRatings.Rated rated = ratings.rate(new CitizenRatings.RateDossier(code.value(), "5678",
                new Scores(5, 4, 5), "  Cảm ơn cán bộ  "));
        assertEquals("Cảm ơn cán bộ", rated.comment());
        assertEquals(Moderation.PENDING, rated.commentStatus());
        RatingConflictException again = assertThrows(RatingConflictException.class, () -> ratings.rate(
                new CitizenRatings.RateDossier(code.value(), "5678", new Scores(1, 1, 1), null)));
        assertEquals("Dossier " + code + " has been rated already; each dossier is rated once", again.english());

        SatisfactionRow byOfficer = ratings.satisfaction(AgencyScope.only(COMMUNE), AT.toLocalDate(),
                AT.toLocalDate().plusDays(5), StatisticsGrouping.OFFICER).rows().get(0);
        assertEquals("tuphap02", byOfficer.key(), "who completed it, not who received it");
        CitizenComment comment = ratings.comments(AgencyScope.only(COMMUNE), Moderation.PENDING).get(0);
        assertEquals("tuphap02", comment.officerId());
    }

    @Test
    void wrongDigitsAnUnknownCodeAndAnOpenDossierAreRefused() {
        DossierCode finished = dossier(1, true);
        DossierCode open = dossier(2, false);
        NoRatingTargetException wrong = assertThrows(NoRatingTargetException.class, () -> ratings.rate(
                new CitizenRatings.RateDossier(finished.value(), "1111", new Scores(5, 5, 5), null)));
        NoRatingTargetException unknown = assertThrows(NoRatingTargetException.class, () -> ratings.rate(
                new CitizenRatings.RateDossier(COMMUNE + "-261201-0099", "5678", new Scores(5, 5, 5), null)));
        assertEquals(wrong.english(), unknown.english(), "the same answer: rating does not tell which codes exist");
        assertThrows(RatingConflictException.class, () -> ratings.rate(
                new CitizenRatings.RateDossier(open.value(), "5678", new Scores(5, 5, 5), null)));
        assertThrows(InvalidDossierException.class, () -> new Scores(6, 5, 5));
        assertThrows(InvalidDossierException.class, () -> new Scores(5, 0, 5));
    }

    @Test
    void theLeadersFiguresMoveWithEachRating() {
        LocalDate from = AT.toLocalDate();
        assertEquals(0, ratings.satisfaction(AgencyScope.withSubunits(COMMUNE), from, from.plusDays(5),
                StatisticsGrouping.AGENCY).total().ratings());
        ratings.rate(new CitizenRatings.RateDossier(dossier(1, true).value(), "5678", new Scores(5, 5, 5), null));
        ratings.rate(new CitizenRatings.RateDossier(dossier(2, true).value(), "5678", new Scores(2, 3, 2), null));
        SatisfactionRow total = ratings.satisfaction(AgencyScope.withSubunits(COMMUNE), from, from.plusDays(5),
                StatisticsGrouping.AGENCY).total();
        assertEquals(2, total.ratings());
        assertEquals(new BigDecimal("3.50"), total.attitude());
        assertEquals(new BigDecimal("4.00"), total.time());
        assertEquals(new BigDecimal("3.50"), total.overall());
        assertEquals(1, total.satisfied());
        assertEquals(new BigDecimal("50.0"), total.satisfiedPercent());
    }

    @Test
    void feedbackNamesAKnownUnitAndWaitsForModeration() {
        assertThrows(UnknownReferenceException.class, () -> ratings.feedback("999.99.99.H99", null, "x"));
        assertThrows(UnknownReferenceException.class, () -> ratings.feedback(COMMUNE, "9.999999", "x"));
        assertThrows(InvalidDossierException.class, () -> ratings.feedback(COMMUNE, null, "   "));
        long id = ratings.feedback(COMMUNE, "1.001193", "Nên mở cửa cả sáng thứ Bảy");
        assertEquals(0, ratings.approved(COMMUNE).size(), "nobody but the leader sees a pending comment");
        assertThrows(InvalidDossierException.class, () -> ratings.moderate(LEADER, id, Moderation.PENDING));
        Caller otherLeader = new Caller("lanhdao09", "002.00.20.H13", Set.of(Caller.LEADER));
        assertThrows(NoRatingTargetException.class, () -> ratings.moderate(otherLeader, id, Moderation.APPROVED));
        assertEquals(Moderation.APPROVED, ratings.moderate(LEADER, id, Moderation.APPROVED).moderation());
        assertEquals("Nên mở cửa cả sáng thứ Bảy", ratings.approved(COMMUNE).get(0).text());
    }

    private DossierCode dossier(int sequence, boolean finished) {
        DossierCode code = DossierCode.of(COMMUNE, AT.toLocalDate(), sequence);
        Dossier received = Dossier.received(code, "1.001193", COMMUNE, Channel.COUNTER,
                new Applicant("Nguyễn Thị Diệu", new CitizenId("001190012345"), "0912345678", null), "{}", "tiepnhan01",
                AT, AT.plusDays(1));
        dossiers.add(received, new DossierEvent(DossierEvent.Kind.RECEIVED, null, DossierStatus.RECEIVED, "tiepnhan01",
                null, COMMUNE, null, received.dueAt(), "test", AT));
        if (finished) {
            Dossier done = received.moveTo(DossierStatus.COMPLETED, AT.plusHours(3), CALENDAR);
            dossiers.update(done, new DossierEvent(DossierEvent.Kind.TRANSITION, DossierStatus.RECEIVED,
                    DossierStatus.COMPLETED, "tuphap02", null, null, null, done.dueAt(), "test", AT.plusHours(3)));
        }
        return code;
    }
}
