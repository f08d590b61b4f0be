package vn.lienthong.gateway.domain.dossier;

import java.time.Duration;
import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.calendar.WorkingCalendar;

/**
 * A citizen's dossier (hồ sơ) at the one-stop desk: an immutable snapshot; every change returns
 * a new one. {@code dueAt} is the appointment given to the citizen (moved by an extension, form 04);
 * {@code deadlineAt} is the legal deadline that timeliness is judged by (moved only while the clock
 * is paused for a supplement).
 */
public record Dossier(DossierCode code,
                      String procedureCode,
                      String agencyCode,
                      Channel channel,
                      DossierStatus status,
                      Applicant applicant,
                      String formData,
                      String receivedBy,
                      OffsetDateTime receivedAt,
                      OffsetDateTime dueAt,
                      OffsetDateTime deadlineAt,
                      OffsetDateTime pausedAt,
                      OffsetDateTime finishedAt,
                      Timeliness timeliness) {

    public static Dossier received(DossierCode code, String procedureCode, String agencyCode, Channel channel,
                                   Applicant applicant, String formData, String receivedBy,
                                   OffsetDateTime receivedAt, OffsetDateTime dueAt) {
        return new Dossier(code, procedureCode, agencyCode, channel, DossierStatus.RECEIVED, applicant, formData,
                receivedBy, receivedAt, dueAt, dueAt, null, null, null);
    }

    /**
     * Moves to another status at {@code at}. Requesting a supplement pauses the clock; the
     * resubmission (back to IN_PROGRESS) restarts it with the working time that was left.
     */
    public Dossier moveTo(DossierStatus target, OffsetDateTime at, WorkingCalendar calendar) {
        if (!status.canMoveTo(target)) {
            throw new ForbiddenTransitionException(code, status, target);
        }
        OffsetDateTime due = dueAt;
        OffsetDateTime deadline = deadlineAt;
        OffsetDateTime paused = pausedAt;
        if (target == DossierStatus.SUPPLEMENT_REQUESTED) {
            paused = at;
        } else if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
            OffsetDateTime restart = calendar.countingStart(at);
            deadline = resume(deadlineAt, restart, calendar);
            due = resume(dueAt, restart, calendar);
            paused = null;
        }
        OffsetDateTime finished = target.isFinished() ? at : null;
        Timeliness timeliness = target.isResult() ? judge(at, deadline) : null;
        return new Dossier(code, procedureCode, agencyCode, channel, target, applicant, formData, receivedBy,
                receivedAt, due, deadline, paused, finished, timeliness);
    }

    /** Records a new appointment date (form 04: apology and new date); the legal deadline stays. */
    public Dossier extendTo(OffsetDateTime newDueAt) {
        if (status.isFinished()) {
            throw new InvalidDossierException("newDueAt",
                    "Hồ sơ " + code + " đã kết thúc, không gia hạn được",
                    "Dossier " + code + " is finished; it cannot be given a new date");
        }
        if (!newDueAt.isAfter(dueAt)) {
            throw new InvalidDossierException("newDueAt",
                    "Ngày hẹn mới phải sau ngày hẹn hiện tại " + dueAt,
                    "The new appointment must be after the current one, " + dueAt);
        }
        return new Dossier(code, procedureCode, agencyCode, channel, status, applicant, formData, receivedBy,
                receivedAt, newDueAt, deadlineAt, pausedAt, finishedAt, timeliness);
    }

    /** Open, not waiting on the citizen, and past the legal deadline. */
    public boolean isOverdue(OffsetDateTime now) {
        return !status.isFinished() && status != DossierStatus.SUPPLEMENT_REQUESTED && now.isAfter(deadlineAt);
    }

    private OffsetDateTime resume(OffsetDateTime limit, OffsetDateTime restart, WorkingCalendar calendar) {
        if (!pausedAt.isBefore(limit)) {
            // Already late when paused: pausing must not turn a late dossier into an on-time one.
            return limit;
        }
        Duration left = calendar.workingTimeBetween(pausedAt, limit);
        return calendar.addWorkingTime(restart, left);
    }

    private static Timeliness judge(OffsetDateTime finished, OffsetDateTime deadline) {
        if (finished.isAfter(deadline)) {
            return Timeliness.LATE;
        }
        boolean earlierDay = finished.withOffsetSameInstant(WorkingCalendar.VIETNAM).toLocalDate()
                .isBefore(deadline.withOffsetSameInstant(WorkingCalendar.VIETNAM).toLocalDate());
        return earlierDay ? Timeliness.EARLY : Timeliness.ON_TIME;
    }
}
