package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic on the State Council calendar in config/holidays-cn.txt (法定节假日 and 调休). */
class WorkingDaysTest {
    private final HolidayCalendar calendar = QueueFixture.calendar();
    private final WorkingDays days = new WorkingDays(calendar);

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void twenty_working_days_from_2025_01_20_cross_spring_festival_and_two_make_up_weekends() {
        // 1/21-1/24 (4), Sunday 1/26 make-up (5), 1/27 (6), 春节 1/28-2/4 off, 2/5-2/7 (9), Saturday 2/8 make-up (10),
        // 2/10-2/14 (15), 2/17-2/21 (20)
        assertEquals(d("2025-02-21"), days.plus(d("2025-01-20"), 20));
        assertEquals(20, days.between(d("2025-01-20"), d("2025-02-21")));
    }

    @Test
    void make_up_sundays_count_and_festival_weekdays_do_not() {
        assertTrue(days.isWorkingDay(d("2025-01-26")), "2025-01-26 is a Sunday worked for 春节");
        assertTrue(days.isWorkingDay(d("2024-02-04")), "2024-02-04 is a Sunday worked for 春节");
        assertTrue(days.isWorkingDay(d("2026-09-20")), "2026-09-20 is a Sunday worked for 国庆");
        assertFalse(days.isWorkingDay(d("2025-01-28")), "除夕 2025 is a holiday since the 2024 amendment");
        assertFalse(days.isWorkingDay(d("2026-02-23")), "2026 春节 runs to Monday 2/23");
        assertFalse(days.isWorkingDay(d("2024-10-07")));
        assertFalse(days.isWorkingDay(d("2025-10-08")), "2025 国庆+中秋 runs to 10/8");
        assertTrue(days.isWorkingDay(d("2025-10-09")));
        assertFalse(days.isWorkingDay(d("2025-03-01")), "an ordinary Saturday");
    }

    @Test
    void deadlines_across_2024_spring_festival_and_2026_national_day() {
        // from Friday 2024-02-02: Sunday 2/4 (1), 2/5-2/9 (6; 除夕 2/9 was still a working day in 2024),
        // 春节 2/10-2/17 off, Sunday 2/18 (7), 2/19-2/22 (11)
        assertEquals(d("2024-02-22"), days.plus(d("2024-02-02"), 11));
        assertTrue(days.isWorkingDay(d("2024-02-09")));
        // from Friday 2026-09-18: Sunday 9/20 (1), 9/21-9/24 (5), 中秋 9/25-27, 9/28-9/30 (8), 国庆 10/1-7, 10/8-9 (10), Saturday 10/10 (11)
        assertEquals(d("2026-10-10"), days.plus(d("2026-09-18"), 11));
    }

    @Test
    void days_left_is_zero_on_the_due_day_and_negative_after() {
        LocalDate due = d("2025-02-21");
        assertEquals(0, days.between(due, due));
        assertEquals(1, days.between(d("2025-02-20"), due));
        assertEquals(-1, days.between(d("2025-02-24"), due), "Monday after a Friday deadline: one working day late");
        assertEquals(0, days.plus(due, 0).compareTo(due));
    }

    @Test
    void calendar_covers_2024_to_2026_and_every_make_up_day_is_a_weekend() {
        for (int y = 2024; y <= 2026; y++) {
            assertTrue(calendar.covers(y), "covers " + y);
        }
        for (LocalDate x = d("2024-01-01"); x.isBefore(d("2027-01-01")); x = x.plusDays(1)) {
            boolean weekend = x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend && calendar.isWorkingDay(x)) {
                assertTrue(List.of("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
                        "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04", "2026-02-14",
                        "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10").contains(x.toString()), "unexpected make-up day " + x);
            }
        }
    }

    @Test
    void working_days_per_year_match_the_notices() {
        // weekdays - holidays falling on weekdays + make-up weekend days, counted by hand from each notice:
        assertEquals(262 - 19 + 8, count(2024));
        assertEquals(261 - 18 + 5, count(2025));
        assertEquals(261 - 19 + 6, count(2026));
    }

    private long count(int year) {
        return days.between(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
    }

    @Test
    void a_year_not_in_the_file_counts_weekends_only() {
        assertFalse(calendar.covers(2030));
        assertTrue(days.isWorkingDay(d("2030-10-01")), "no 2030 notice in the file yet: a Tuesday is a working day");
    }

    @Test
    void malformed_calendar_line_names_the_line() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HolidayCalendar.parse(List.of("# header", "2025-02-30 off 春节"), "holidays-cn.txt"));
        assertTrue(e.getMessage().contains("第 2 行"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HolidayCalendar.parse(List.of("2025-01-01 rest 元旦"), "x"));
        assertThrows(IllegalArgumentException.class, () -> HolidayCalendar.parse(List.of("2025-01-01 off 元旦", "2025-01-01 work 元旦"), "x"));
    }
}
