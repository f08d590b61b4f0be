package vn.lienthong.gateway.domain.exchange;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import vn.lienthong.gateway.domain.dossier.AgencyScope;

/** The flow steps and their deadlines; writes join the caller's transaction. */
public interface FlowSteps {

    void add(FlowStep step);

    Optional<FlowStep> find(String messageId);

    /**
     * Per agency, the steps started from..to (inclusive, Vietnam days) of dossiers in {@code scope}
     * (null: all), with their timeliness as of {@code now}.
     */
    List<StepStatisticsRow> statistics(AgencyScope scope, LocalDate from, LocalDate to, OffsetDateTime now);
}
