package org.gongkai.server.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.document.CheckListener;
import org.gongkai.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review-queue feature wired from its two configuration files ({@code queues.properties} and
 * {@code holidays-cn.txt} in the configuration folder): its services, the {@link CheckListener} that puts
 * checked documents into queues, and the HTTP controller.
 */
public record ReviewQueues(QueueConfig config, ReviewClock clock, QueueService queues, DecisionService decisions, StatisticsService statistics,
                           DocumentAccess access) {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewQueues.class);

    public static ReviewQueues load(Database db, Path configDir, Clock clock, SecurityAudit audit) {
        QueueConfig config = QueueConfig.load(configDir.resolve("queues.properties"));
        HolidayCalendar calendar = HolidayCalendar.load(configDir.resolve("holidays-cn.txt"));
        return create(db, config, calendar, clock, new DocumentAccess(db, config, audit));
    }

    public static ReviewQueues create(Database db, QueueConfig config, HolidayCalendar calendar, Clock clock, DocumentAccess access) {
        ReviewClock rc = new ReviewClock(clock, new WorkingDays(calendar), config);
        int year = rc.today().getYear();
        if (!calendar.covers(year) || !calendar.covers(year + 1)) {
            LOG.warn("节假日文件未包含 {} 或 {} 年的安排，工作日期限只按周末计算 / the holiday calendar lacks {} or {}: deadlines count weekends only",
                    year, year + 1, year, year + 1);
        }
        return new ReviewQueues(config, rc, new QueueService(db, config, rc, access), new DecisionService(db, config, rc, access),
                new StatisticsService(db, rc), access);
    }

    public CheckListener checkListener() {
        return queues.checkListener();
    }

    public QueueController controller(ObjectMapper json) {
        return new QueueController(queues, decisions, statistics, json);
    }
}
