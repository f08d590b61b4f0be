package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.rating.CitizenComment;
import vn.lienthong.gateway.domain.rating.Moderation;
import vn.lienthong.gateway.domain.rating.Rating;
import vn.lienthong.gateway.domain.rating.RatingConflictException;
import vn.lienthong.gateway.domain.rating.SatisfactionSums;
import vn.lienthong.gateway.domain.rating.Scores;

/** Ratings and comments on both engines: one rating per dossier, sums per group, moderation, scope. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcRatingsTest {

    private static final String COMMUNE = "000.20.20.H30";
    private static final String DISTRICT = "000.00.20.H30";
    private static final String ELSEWHERE = "002.00.20.H13";
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-03T10:00:00.123456789+07:00");
    private static final LocalDate DAY = T0.toLocalDate();

    @Parameter
    TestDatabase engine;

    private JdbcRatings ratings;

    @BeforeEach
    void freshDatabase() {
        ratings = new JdbcRatings(engine.fresh());
    }

    @Test
    void aDossierIsRatedOnceEvenWhenTheSecondSkipsTheCheck() {
        DossierCode code = new DossierCode(COMMUNE + "-261203-0001");
        assertFalse(ratings.rated(code));
        ratings.add(rating(code, COMMUNE, "canbo01", 5, 4, 5), null);
        assertTrue(ratings.rated(code));
        // The unique constraint, not the check, is what refuses a racing second rating.
        assertThrows(RatingConflictException.class, () -> ratings.add(rating(code, COMMUNE, "canbo01", 1, 1, 1), "lần hai"));
        assertEquals(List.of(), ratings.comments(AgencyScope.only(COMMUNE), null, 10), "the second comment was not kept");
        assertEquals(List.of(new SatisfactionSums(COMMUNE, 1, 5, 4, 5, 1)),
                ratings.satisfaction(AgencyScope.only(COMMUNE), DAY, DAY, StatisticsGrouping.AGENCY));
    }

    @Test
    void satisfactionSumsPerOfficerWithinTheLeadersScopeAndPeriod() {
        ratings.add(rating(new DossierCode(COMMUNE + "-261203-0001"), COMMUNE, "canbo01", 5, 5, 5), null);
        ratings.add(rating(new DossierCode(COMMUNE + "-261203-0002"), COMMUNE, "canbo01", 2, 3, 3), null);
        ratings.add(rating(new DossierCode(DISTRICT + "-261203-0001"), DISTRICT, "canbo02", 4, 4, 4), null);
        ratings.add(rating(new DossierCode(ELSEWHERE + "-261203-0001"), ELSEWHERE, "canbo09", 1, 1, 1), null);

        List<SatisfactionSums> byOfficer = ratings.satisfaction(AgencyScope.withSubunits(DISTRICT), DAY, DAY,
                StatisticsGrouping.OFFICER);
        assertEquals(List.of(new SatisfactionSums("canbo01", 2, 7, 8, 8, 1), new SatisfactionSums("canbo02", 1, 4, 4, 4, 1)),
                byOfficer);
        assertEquals(List.of(), ratings.satisfaction(AgencyScope.withSubunits(DISTRICT), DAY.plusDays(1), DAY.plusDays(9),
                StatisticsGrouping.OFFICER));
        assertEquals("1.001193", ratings.satisfaction(AgencyScope.only(ELSEWHERE), DAY, DAY, StatisticsGrouping.PROCEDURE)
                .get(0).key());
    }

    @Test
    void commentsWaitForTheLeaderAndKeepTheirTextAsWritten() {
        String html = "<img src=x onerror=alert(1)> Cán bộ <b>rất</b> nhiệt tình";
        ratings.add(rating(new DossierCode(COMMUNE + "-261203-0001"), COMMUNE, "canbo01", 5, 5, 5), html);
        long feedback = ratings.addFeedback(COMMUNE, null, "Nên có thêm ghế chờ", T0.plusMinutes(1));

        List<CitizenComment> pending = ratings.comments(AgencyScope.withSubunits(DISTRICT), Moderation.PENDING, 10);
        assertEquals(2, pending.size());
        assertEquals(feedback, pending.get(0).id(), "newest first");
        assertEquals(CitizenComment.Source.FEEDBACK, pending.get(0).source());
        CitizenComment rated = pending.get(1);
        assertEquals(html, rated.text());
        assertEquals(CitizenComment.Source.RATING, rated.source());
        assertEquals("canbo01", rated.officerId());
        assertEquals(COMMUNE + "-261203-0001", rated.dossierCode());
        assertEquals(List.of(), ratings.comments(AgencyScope.only(ELSEWHERE), null, 10));

        ratings.moderate(rated.id(), Moderation.APPROVED, "lanhdao01", T0.plusHours(1));
        ratings.moderate(feedback, Moderation.REJECTED, "lanhdao01", T0.plusHours(1));
        List<CitizenComment> approved = ratings.comments(AgencyScope.only(COMMUNE), Moderation.APPROVED, 10);
        assertEquals(List.of(rated.id()), approved.stream().map(CitizenComment::id).toList());
        assertEquals("lanhdao01", approved.get(0).moderatedBy());
        assertEquals(T0.plusHours(1).toInstant().toEpochMilli(), approved.get(0).moderatedAt().toInstant().toEpochMilli());
        assertEquals(Moderation.REJECTED, ratings.comment(feedback).orElseThrow().moderation());
        assertTrue(ratings.comment(feedback + 1000).isEmpty());
    }

    private static Rating rating(DossierCode code, String agency, String officer, int attitude, int time, int overall) {
        return new Rating(code, agency, "1.001193", officer, new Scores(attitude, time, overall), T0);
    }
}
