package org.gongkai.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.server.auth.Actor;
import org.gongkai.spi.Route;
import org.junit.jupiter.api.Test;

/** The queue configuration file of the repository, and what a broken one is told. */
class QueueConfigTest {

    @Test
    void every_route_has_a_queue_and_publication_review_has_three_levels_plus_the_principal_lead() {
        QueueConfig c = QueueFixture.config();
        for (Route r : Route.values()) {
            assertEquals(r.name(), c.queueForRoute(r).name());
        }
        QueueConfig.QueueDefinition p = c.queue("PUBLICATION_REVIEW").orElseThrow();
        assertEquals(List.of("经办人", "科室负责人", "分管领导", "主要领导"), p.stages().stream().map(QueueConfig.Stage::title).toList());
        assertEquals(3, p.stageCount(false));
        assertEquals(4, p.stageCount(true));
        assertEquals(-1, p.nextStage(2, false), "分管领导 is the last level of an ordinary document");
        assertEquals(3, p.nextStage(2, true));
        assertEquals(List.of(1, 2, 3), p.stagesFor(new Actor("chen.jun", Actor.Role.APPROVER, "财政局")));
        Actor limited = new Actor("chen.jun", "陈军", java.util.Set.of(Actor.Role.APPROVER), "财政局", java.util.Set.of("DEPUTY_LEAD"));
        assertEquals(List.of(2), p.stagesFor(limited), "an approver limited to 分管领导 works that stage only");
        assertTrue(p.stages().get(1).actingRole(new Actor("chen.jun", Actor.Role.APPROVER, "财政局"), "财政局").isPresent());
        assertFalse(p.stages().get(1).actingRole(new Actor("chen.jun", Actor.Role.APPROVER, "财政局"), "教育局").isPresent(),
                "科室负责人 approves their own department's documents only");
        assertTrue(p.stages().get(2).actingRole(new Actor("chen.jun", Actor.Role.APPROVER, "财政局"), "教育局").isPresent(),
                "分管领导 approves across departments");
        assertTrue(p.stagesFor(new Actor("root", Actor.Role.SYSTEM_ADMIN, null)).isEmpty(), "administrators decide no stage");
        assertEquals("AUTHORITY_REVIEW", c.queue("SECRECY_REVIEW").orElseThrow().escalate());
        assertEquals(20, c.publicationDays());
        assertFalse(c.queue("REGISTERED").map(q -> q.escalate() != null).orElseThrow());
    }

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("queues", "ALL");
        m.put("queue.ALL.stages", "ONE");
        m.put("queue.ALL.stage.ONE", "审查员:SECRECY_REVIEWER");
        for (Route r : Route.values()) {
            m.put("route." + r.name(), "ALL");
        }
        return m;
    }

    @Test
    void a_minimal_configuration_loads() {
        assertEquals(1, QueueConfig.parse(minimal(), "t").queues().size());
    }

    @Test
    void unknown_keys_roles_and_targets_are_refused_with_the_reason() {
        Map<String, String> typo = minimal();
        typo.put("queue.ALL.workingdays", "5");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueueConfig.parse(typo, "t")).getMessage().contains("Unknown parameters"));
        Map<String, String> role = minimal();
        role.put("queue.ALL.stage.ONE", "审查员:CLERK");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueueConfig.parse(role, "t")).getMessage().contains("CLERK"));
        Map<String, String> target = minimal();
        target.put("queue.ALL.escalate", "NOWHERE");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueueConfig.parse(target, "t")).getMessage().contains("NOWHERE"));
        Map<String, String> route = minimal();
        route.remove("route.MANUAL_REVIEW");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueueConfig.parse(route, "t")).getMessage().contains("MANUAL_REVIEW"));
    }
}
