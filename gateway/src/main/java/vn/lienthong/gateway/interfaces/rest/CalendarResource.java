package vn.lienthong.gateway.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import vn.lienthong.gateway.application.Caller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.domain.calendar.DayOff;
import vn.lienthong.gateway.domain.calendar.HolidayYear;
import vn.lienthong.gateway.domain.calendar.OfficeHours;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.SwappedWorkingDay;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/** The working calendar, for desk systems that show it and preview appointment dates. */
@Path("/calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lịch làm việc / Working calendar")
@RolesAllowed({Caller.DESK_OFFICER, Caller.LEADER, Caller.ADMIN, Caller.AUDITOR})
public class CalendarResource {

    /** A year's days off and swapped working days, with the office's hours. */
    public record YearView(int year, List<DayOff> daysOff, List<SwappedWorkingDay> workingDays,
                           List<OfficeHours.Session> officeHours, LocalTime cutOff) {
    }

    /** An appointment preview. */
    public record DueView(OffsetDateTime from, BigDecimal hours, OffsetDateTime countingFrom, OffsetDateTime dueAt) {
    }

    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(8 * 366);

    @Inject
    WorkingCalendar calendar;

    @Inject
    java.time.Clock clock;

    @GET
    @Path("{year}")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getCalendarYear", summary = "Ngày nghỉ và ngày làm bù trong năm / A year's days off and swapped working days",
            description = "Each day off says whether it comes from the law (LAW), a lunar computation (LUNAR) "
                    + "or the yearly override file (OVERRIDE). Years 1900–2100.")
    public YearView year(@PathParam("year") String year) {
        int y = QueryParameters.integer("year", year, 0, PublicHolidays.FIRST_YEAR, PublicHolidays.LAST_YEAR);
        HolidayYear holidays = calendar.holidays().year(y);
        return new YearView(y, holidays.daysOff(), holidays.workingDays(), calendar.officeHours().sessions(),
                calendar.cutOff());
    }

    @GET
    @Path("due")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "previewDueDate", summary = "Tính ngày hẹn trả / Preview an appointment date",
            description = "from: receipt time, ISO-8601 (default now); hours: working hours, decimals allowed.")
    public DueView due(@QueryParam("from") String from, @QueryParam("hours") String hours) {
        OffsetDateTime received = QueryParameters.moment("from", from);
        if (received == null) {
            received = Instant.now(clock).atOffset(WorkingCalendar.VIETNAM);
        }
        int year = received.withOffsetSameInstant(WorkingCalendar.VIETNAM).getYear();
        if (year < PublicHolidays.FIRST_YEAR || year > PublicHolidays.LAST_YEAR) {
            throw new InvalidDossierException("from", "Năm phải trong khoảng 1900–2100", "The year must be in 1900–2100");
        }
        BigDecimal h = QueryParameters.decimal("hours", hours);
        if (h.signum() < 0 || h.compareTo(MAX_HOURS) > 0) {
            throw new InvalidDossierException("hours", "Số giờ phải từ 0 đến " + MAX_HOURS,
                    "hours must be from 0 to " + MAX_HOURS);
        }
        Duration workingTime = Duration.ofSeconds(h.multiply(BigDecimal.valueOf(3600)).longValue());
        return new DueView(received, h, calendar.countingStart(received), calendar.dueAt(received, workingTime));
    }
}
