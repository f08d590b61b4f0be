package vn.lienthong.gateway.domain.rating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;

/** Where citizens' ratings and comments are kept (one rating per dossier), and the leaders' figures. */
public interface Ratings {

    boolean rated(DossierCode code);

    /**
     * Keeps a rating, and its comment (PENDING) when there is one.
     *
     * @throws RatingConflictException when the dossier has a rating already
     */
    void add(Rating rating, String comment);

    /** Keeps a feedback-box comment (PENDING) and answers its id. */
    long addFeedback(String agencyCode, String procedureCode, String text, OffsetDateTime at);

    /** Comments of the units in {@code scope}, newest first; {@code moderation} null: all. */
    List<CitizenComment> comments(AgencyScope scope, Moderation moderation, int limit);

    Optional<CitizenComment> comment(long id);

    /** Records the leader's decision on a comment. */
    void moderate(long id, Moderation decision, String by, OffsetDateTime at);

    /** Ratings given from {@code from} to {@code to} to the units in {@code scope}, grouped. */
    List<SatisfactionSums> satisfaction(AgencyScope scope, LocalDate from, LocalDate to, StatisticsGrouping grouping);
}
