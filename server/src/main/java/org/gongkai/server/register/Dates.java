package org.gongkai.server.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.gongkai.server.queue.ReviewClock;

/** Dates as Chinese offices write them, in Beijing time: 2026年12月7日, 2026年12月7日 14:05. */
public final class Dates {
    private Dates() {
    }

    public static String chinese(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    public static String chinese(OffsetDateTime t) {
        if (t == null) {
            return "";
        }
        var z = t.atZoneSameInstant(ReviewClock.CHINA);
        return chinese(z.toLocalDate()) + String.format(" %02d:%02d", z.getHour(), z.getMinute());
    }
}
