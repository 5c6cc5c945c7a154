package org.gongkai.server.queue;

import java.time.LocalDate;

/**
 * Working-day arithmetic on a {@link HolidayCalendar}: deadlines such as "within 20 working days of the
 * information being formed" (《政府信息公开条例》第二十六条) count working days after the start day.
 */
public final class WorkingDays {
    private static final int MAX_SPAN_DAYS = 366 * 5;
    private final HolidayCalendar calendar;

    public WorkingDays(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The day on which {@code n} working days after {@code start} have passed; the start day itself does not
     * count, so 0 gives {@code start}.
     */
    public LocalDate plus(LocalDate start, int n) {
        if (n < 0 || n > 1000) {
            throw new IllegalArgumentException("working days out of range: " + n);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to} lies
     * before {@code from}. {@code between(today, due)} is the working days left: 0 on the due day itself.
     */
    public long between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        if (from.plusDays(MAX_SPAN_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("span too long: " + from + " .. " + to);
        }
        long n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    public boolean isWorkingDay(LocalDate d) {
        return calendar.isWorkingDay(d);
    }

    public HolidayCalendar calendar() {
        return calendar;
    }
}
