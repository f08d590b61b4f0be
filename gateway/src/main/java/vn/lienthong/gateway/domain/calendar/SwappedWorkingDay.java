package vn.lienthong.gateway.domain.calendar;

import java.time.LocalDate;

/** A weekend day that the government's yearly notice turns into a working day (làm bù). */
public record SwappedWorkingDay(LocalDate date, String name) {
}
