package vn.lienthong.gateway.interfaces.rest.dossier;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbProperty;

import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierPage;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;

/** The JSON bodies the dossier API answers with. */
public final class DossierViews {

    private DossierViews() {
    }

    /** A dossier as desk systems see it. */
    public record DossierView(String code, String status, String statusLabel, String procedureCode,
                              String procedureName, String agencyCode, String channel, ApplicantView applicant,
                              JsonObject formData, String receivedBy, OffsetDateTime receivedAt,
                              OffsetDateTime dueAt, OffsetDateTime deadlineAt, OffsetDateTime pausedAt,
                              OffsetDateTime finishedAt, String timeliness, boolean overdue,
                              List<String> allowedTransitions, List<ExchangeView> exchanges) {
    }

    /** One exchange with another agency (liên thông), with the agency's result once it is in. */
    public record ExchangeView(String messageId, String agency, String operation, String status, int attempts,
                               String ticket, JsonObject result, String error, OffsetDateTime updatedAt) {
    }

    /** The applicant, with the channels they agreed to be notified on. */
    public record ApplicantView(String fullName, String citizenId, String phone, String email,
                                @JsonbProperty("notify") NotifyView notifications) {
    }

    /** The applicant's notification consent. */
    public record NotifyView(boolean sms, boolean email) {
    }

    /** One line of the processing record. */
    public record EventView(String kind, String fromStatus, String toStatus, String actor, String fromUnit,
                            String toUnit, OffsetDateTime stepDeadline, OffsetDateTime dueAt, String note,
                            OffsetDateTime at) {
    }

    /** The processing record (form 06) of one dossier. */
    public record HistoryView(String code, List<EventView> steps) {
    }

    /** A page of dossiers. */
    public record PageView(List<DossierView> items, int page, int size, long total) {
    }

    public static DossierView of(Dossier d, String procedureName, OffsetDateTime now) {
        return of(d, procedureName, now, null);
    }

    public static DossierView of(Dossier d, String procedureName, OffsetDateTime now, List<ExchangeView> exchanges) {
        return new DossierView(d.code().value(), d.status().name(), d.status().vietnamese(), d.procedureCode(),
                procedureName, d.agencyCode(), d.channel().name(),
                new ApplicantView(d.applicant().fullName(), d.applicant().citizenId().value(),
                        d.applicant().phone(), d.applicant().email(),
                        new NotifyView(d.applicant().consent().sms(), d.applicant().consent().email())),
                parse(d.formData()), d.receivedBy(), d.receivedAt(), d.dueAt(), d.deadlineAt(), d.pausedAt(),
                d.finishedAt(), d.timeliness() == null ? null : d.timeliness().name(), d.isOverdue(now),
                d.status().deskTransitions().stream().map(Enum::name).sorted().toList(),
                exchanges);
    }

    public static ExchangeView of(AgencyMessage m) {
        return new ExchangeView(m.messageId(), m.agencyId(), m.operation(), m.status().name(), m.attempts(),
                m.ticket(), parse(m.result()), m.lastError(), m.updatedAt());
    }

    public static EventView of(DossierEvent e) {
        return new EventView(e.kind().name(), e.fromStatus() == null ? null : e.fromStatus().name(),
                e.toStatus() == null ? null : e.toStatus().name(), e.actor(), e.fromUnit(), e.toUnit(),
                e.stepDeadline(), e.dueAt(), e.note(), e.occurredAt());
    }

    public static PageView of(DossierPage page, java.util.function.Function<Dossier, DossierView> view) {
        return new PageView(page.items().stream().map(view).toList(), page.page(), page.size(), page.total());
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
