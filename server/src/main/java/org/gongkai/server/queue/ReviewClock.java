package org.gongkai.server.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time as the review work flow sees it: "now", today's date in China, and deadlines in working days. The
 * publication clock runs 20 working days from the day a document is formed (《政府信息公开条例》第二十六条);
 * each queue has its own clock from the day an item enters it.
 */
public final class ReviewClock {
    /** Offices work on China Standard Time, whatever the server's zone. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");

    private final Clock clock;
    private final WorkingDays days;
    private final QueueConfig config;

    public ReviewClock(Clock clock, WorkingDays days, QueueConfig config) {
        this.clock = clock;
        this.days = days;
        this.config = config;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    public LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(CHINA).toLocalDate();
    }

    public WorkingDays workingDays() {
        return days;
    }

    /**
     * The day a document was formed: its 成文日期 ("2025年1月20日") when readable and not after the upload,
     * else the day it was uploaded.
     */
    public LocalDate formedOn(String writtenDate, OffsetDateTime receivedAt) {
        LocalDate received = day(receivedAt);
        if (writtenDate != null) {
            Matcher m = DATE.matcher(java.text.Normalizer.normalize(writtenDate, java.text.Normalizer.Form.NFKC));
            if (m.find()) {
                try {
                    LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    if (!d.isAfter(received) && d.isAfter(received.minusYears(5))) {
                        return d;
                    }
                } catch (java.time.DateTimeException e) {
                    // an impossible date such as 2月30日: fall back to the upload day
                }
            }
        }
        return received;
    }

    /** The publication deadline (条例第二十六条), for documents to be published (主动公开 or 部分公开). */
    public LocalDate publicationDue(LocalDate formed, String attribute) {
        return "PUBLIC".equals(attribute) || "PARTIAL".equals(attribute) ? days.plus(formed, config.publicationDays()) : null;
    }

    /** The queue's own deadline for an item entering it today. */
    public LocalDate queueDue(QueueConfig.QueueDefinition q) {
        return days.plus(today(), q.workingDays());
    }

    /** The API view of an item at this moment. */
    public ItemView view(QueueItem i) {
        OffsetDateTime now = now();
        LocalDate today = today();
        QueueConfig.QueueDefinition q = config.queue(i.queueName()).orElse(null);
        QueueConfig.Stage stage = q == null || i.stage() >= q.stages().size() ? null : q.stages().get(i.stage());
        int number = 1;
        if (q != null) {
            for (int s = q.firstStage(i.important()); s >= 0 && s < i.stage(); s = q.nextStage(s, i.important())) {
                number++;
            }
        }
        boolean held = i.claimedAt(now);
        boolean open = i.open();
        return new ItemView(i.documentId(), i.title(), i.department(), i.queueName(), stage == null ? null : stage.code(),
                stage == null ? null : stage.title(), number, q == null ? 1 : q.stageCount(i.important()), i.state(), i.outcome(),
                i.worstSeverity(), i.important(), i.attribute(), i.enteredAt(), days.between(day(i.enteredAt()), open ? today : day(i.closedAt())),
                i.formedOn(), i.publicationDue(), i.dueOn(), open ? days.between(today, i.dueOn()) : 0, open && today.isAfter(i.dueOn()),
                held ? i.claimant() : null, held ? i.claimantRole() : null, held ? i.leaseUntil() : null, i.version(),
                i.publicationDue() != null && i.publicationDue().isBefore(day(i.enteredAt())));
    }
}
