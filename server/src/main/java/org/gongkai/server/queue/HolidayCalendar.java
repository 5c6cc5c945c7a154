package org.gongkai.server.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The State Council holiday calendar (法定节假日 and 调休 make-up working days), read from
 * {@code config/holidays-cn.txt}: one entry a line, {@code <date>[..<date>] off|work <name>}, {@code #} comments.
 * Days not listed follow the week: Monday to Friday work, Saturday and Sunday rest. Immutable once loaded.
 */
public final class HolidayCalendar {
    private final Map<LocalDate, Boolean> working;
    private final Set<Integer> years;

    HolidayCalendar(Map<LocalDate, Boolean> working) {
        this.working = Map.copyOf(working);
        TreeSet<Integer> y = new TreeSet<>();
        working.keySet().forEach(d -> y.add(d.getYear()));
        this.years = Collections.unmodifiableSet(y);
    }

    /** A calendar with no holidays: weekends only. */
    public static HolidayCalendar weekendsOnly() {
        return new HolidayCalendar(Map.of());
    }

    /**
     * Reads a calendar file.
     *
     * @throws IllegalArgumentException naming the file and line when an entry is malformed
     */
    public static HolidayCalendar load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取节假日文件 / cannot read the holiday calendar " + file, e);
        }
        return parse(lines, file.toString());
    }

    static HolidayCalendar parse(List<String> lines, String source) {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+", 3);
            try {
                if (f.length < 2 || !(f[1].equals("off") || f[1].equals("work"))) {
                    throw new IllegalArgumentException("expected '<date>[..<date>] off|work <name>'");
                }
                String[] range = f[0].split("\\.\\.");
                LocalDate from = LocalDate.parse(range[0]);
                LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
                if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
                    throw new IllegalArgumentException("range must run forwards and span at most a month");
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    if (days.put(d, f[1].equals("work")) != null) {
                        throw new IllegalArgumentException(d + " listed twice");
                    }
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new IllegalArgumentException("节假日文件 " + source + " 第 " + (i + 1) + " 行无效：" + e.getMessage()
                        + " / invalid line " + (i + 1) + " in holiday calendar " + source + ": " + line, e);
            }
        }
        return new HolidayCalendar(days);
    }

    /** True when government offices work on this day. */
    public boolean isWorkingDay(LocalDate d) {
        Boolean listed = working.get(d);
        if (listed != null) {
            return listed;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    /** True when the file lists this year's holidays (otherwise only weekends are known). */
    public boolean covers(int year) {
        return years.contains(year);
    }

    /** The years the file lists. */
    public Set<Integer> years() {
        return years;
    }
}
