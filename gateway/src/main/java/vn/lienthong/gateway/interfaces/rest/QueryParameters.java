package vn.lienthong.gateway.interfaces.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/** Turns query and path strings into values, with a bilingual 400 naming the parameter when they are wrong. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidDossierException(name, "Tham số " + name + " phải là ngày dạng yyyy-MM-dd",
                    "Parameter " + name + " must be a date like 2026-10-08");
        }
    }

    /** An ISO-8601 moment; a '+' that the query string turned into a space is put back. */
    public static OffsetDateTime moment(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new InvalidDossierException(name,
                    "Tham số " + name + " phải là thời điểm ISO-8601, ví dụ 2026-02-13T10:00:00+07:00",
                    "Parameter " + name + " must be an ISO-8601 moment, e.g. 2026-02-13T10:00:00+07:00");
        }
    }

    public static BigDecimal decimal(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidDossierException(name, "Thiếu tham số " + name, "Parameter " + name + " is required");
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidDossierException(name, "Tham số " + name + " phải là số, ví dụ 12 hoặc 1.5",
                    "Parameter " + name + " must be a number, e.g. 12 or 1.5");
        }
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new InvalidDossierException(name, "Tham số " + name + " phải là số nguyên từ " + min + " đến " + max,
                "Parameter " + name + " must be an integer from " + min + " to " + max);
    }

    public static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.toString(type.getEnumConstants());
            throw new InvalidDossierException(name, "Tham số " + name + " phải là một trong " + allowed,
                    "Parameter " + name + " must be one of " + allowed);
        }
    }

    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidDossierException(name, "Tham số " + name + " phải là true hoặc false",
                    "Parameter " + name + " must be true or false");
        };
    }
}
