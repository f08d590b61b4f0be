package vn.lienthong.gateway.domain.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The office's working sessions in a day, e.g. 07:30–11:30 and 13:30–17:30. */
public record OfficeHours(List<Session> sessions) {

    /** One continuous working session, start inclusive, end exclusive. */
    public record Session(LocalTime start, LocalTime end) {
        public Session {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("Session must end after it starts: " + start + "-" + end);
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    public OfficeHours {
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one session");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
                throw new IllegalArgumentException("Office sessions must be in order and must not overlap");
            }
        }
    }

    /** Parses "07:30-11:30,13:30-17:30". */
    public static OfficeHours parse(String text) {
        List<Session> sessions = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("Office hours must look like 07:30-11:30,13:30-17:30, not: " + text);
            }
            try {
                sessions.add(new Session(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Office hours must look like 07:30-11:30,13:30-17:30, not: " + text, e);
            }
        }
        return new OfficeHours(sessions);
    }

    public static OfficeHours standard() {
        return parse("07:30-11:30,13:30-17:30");
    }

    /** Working time in one full day (8 hours by default); a "working day" of a deadline is this long. */
    public Duration workingDay() {
        return sessions.stream().map(Session::length).reduce(Duration.ZERO, Duration::plus);
    }

    public LocalTime opening() {
        return sessions.get(0).start();
    }

    public LocalTime closing() {
        return sessions.get(sessions.size() - 1).end();
    }
}
