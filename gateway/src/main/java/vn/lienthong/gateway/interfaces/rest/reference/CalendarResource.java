package vn.lienthong.gateway.interfaces.rest.reference;

import jakarta.annotation.security.RolesAllowed;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.application.Caller;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.lienthong.gateway.domain.calendar.GoldenDays;
import vn.lienthong.gateway.domain.calendar.HolidayYear;
import vn.lienthong.gateway.domain.calendar.OfficeHours;
import vn.lienthong.gateway.domain.calendar.PublicHolidays;
import vn.lienthong.gateway.domain.calendar.SwappedWorkingDay;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.dossier.UnknownReferenceException;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.interfaces.rest.QueryParameters;

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

    /**
     * An appointment preview, and why it falls where it does: {@code reason} is WORKING_CALENDAR or
     * GOLDEN_DAY (the unit's "hai ngày vàng"; then {@code goldenDay}, the golden days passed over as days
     * off, and {@code calendarDueAt}, what the working calendar alone gives).
     */
    public record DueView(OffsetDateTime from, BigDecimal hours, OffsetDateTime countingFrom, OffsetDateTime dueAt,
                          OffsetDateTime calendarDueAt, String reason, LocalDate goldenDay, List<LocalDate> skippedGoldenDays,
                          String explanation, String explanationEn) {
    }

    /** The golden days in force: the configuration's version and each unit's weekdays, fields and hour. */
    public record GoldenDaysView(String version, List<GoldenDays.Unit> units) {
    }

    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(8 * 366);

    @Inject
    WorkingCalendar calendar;

    @Inject
    java.time.Clock clock;

    @Inject
    GoldenDays goldenDays;

    @Inject
    ProcedureCatalogue catalogue;

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
    @Path("golden-days")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getGoldenDays", summary = "Hai ngày vàng của các đơn vị / The units' golden days",
            description = "Per receiving unit: the weekdays on which it settles the dossiers of the listed catalogue "
                    + "fields and procedures, and the hour of those appointments. Configuration "
                    + "(lienthong.golden-days.file), versioned like the procedure catalogue.")
    public GoldenDaysView goldenDays() {
        return new GoldenDaysView(goldenDays.version(), goldenDays.units());
    }

    @GET
    @Path("due")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "previewDueDate", summary = "Tính ngày hẹn trả / Preview an appointment date",
            description = "from: receipt time, ISO-8601 (default now); hours: working hours, decimals allowed. "
                    + "With procedureCode and agencyCode, the date is the one intake gives a dossier of that "
                    + "procedure at that unit: the procedure's processing time (hours may then be left out), moved "
                    + "to the unit's golden day when its golden days cover the procedure's field; reason, "
                    + "goldenDay and explanation say why.")
    public DueView due(@QueryParam("from") String from, @QueryParam("hours") String hours,
                       @QueryParam("procedureCode") String procedureCode, @QueryParam("agencyCode") String agencyCode) {
        OffsetDateTime received = QueryParameters.moment("from", from);
        if (received == null) {
            received = Instant.now(clock).atOffset(WorkingCalendar.VIETNAM);
        }
        int year = received.withOffsetSameInstant(WorkingCalendar.VIETNAM).getYear();
        if (year < PublicHolidays.FIRST_YEAR || year > PublicHolidays.LAST_YEAR) {
            throw new InvalidDossierException("from", "Năm phải trong khoảng 1900–2100", "The year must be in 1900–2100");
        }
        if (procedureCode != null || agencyCode != null) {
            return dueForProcedure(received, procedureCode, agencyCode);
        }
        BigDecimal h = QueryParameters.decimal("hours", hours);
        if (h.signum() < 0 || h.compareTo(MAX_HOURS) > 0) {
            throw new InvalidDossierException("hours", "Số giờ phải từ 0 đến " + MAX_HOURS,
                    "hours must be from 0 to " + MAX_HOURS);
        }
        Duration workingTime = Duration.ofSeconds(h.multiply(BigDecimal.valueOf(3600)).longValue());
        OffsetDateTime dueAt = calendar.dueAt(received, workingTime);
        return new DueView(received, h, calendar.countingStart(received), dueAt, dueAt,
                GoldenDays.Reason.WORKING_CALENDAR.name(), null, List.of(),
                "Ngày hẹn theo số giờ làm việc và lịch làm việc", "The appointment follows the working hours and the working calendar");
    }

    private DueView dueForProcedure(OffsetDateTime received, String procedureCode, String agencyCode) {
        if (procedureCode == null || agencyCode == null) {
            throw new InvalidDossierException(procedureCode == null ? "procedureCode" : "agencyCode",
                    "Ghi cả procedureCode và agencyCode", "Give both procedureCode and agencyCode");
        }
        Procedure procedure = catalogue.procedure(procedureCode).orElseThrow(() -> new UnknownReferenceException(
                "procedureCode", "Thủ tục " + procedureCode + " không có trong danh mục (GET /api/v1/procedures)",
                "Procedure " + procedureCode + " is not in the catalogue (GET /api/v1/procedures)"));
        catalogue.agency(agencyCode).orElseThrow(() -> new UnknownReferenceException("agencyCode",
                "Mã cơ quan " + agencyCode + " không thuộc các đơn vị của cổng này",
                "Agency " + agencyCode + " is not a receiving unit of this gateway"));
        GoldenDays.Appointment a = goldenDays.appoint(calendar, agencyCode, procedure, received);
        BigDecimal h = BigDecimal.valueOf(procedure.processingTime().workingTime(calendar.officeHours().workingDay())
                .toSeconds()).divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return new DueView(received, h, calendar.countingStart(received), a.dueAt(), a.calendarDueAt(),
                a.reason().name(), a.goldenDay(), a.skipped(), a.vietnamese(), a.english());
    }
}
