package org.gongkai.server.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 三级审核 in a real browser, each level signed in as its own person: the 经办人 (document office) marks one document
 * 重要信息 and approves it with an opinion, and approves a second one in bulk; the 科室负责人, 分管领导 and 主要领导 each see
 * the earlier opinions and approve; the important document reaches PUBLISHED after the 主要领导, the other after the
 * 分管领导 through bulk approval, which the important one is never offered.
 */
class ApprovalJourneyTest extends Journey {
    static String important;
    static String routine;

    @BeforeAll
    static void start() {
        startServer();
        server.account("li.ming", "李明", "县农业农村局", "DRAFTER");
        server.account("zhao.min", "赵敏", "县政府办公室", "DOCUMENT_OFFICE");
        server.account("chen.gang", "陈刚", "县农业农村局", List.of("APPROVER"), List.of("SECTION_HEAD"));
        server.account("liu.yang", "刘洋", "县政府", List.of("APPROVER"), List.of("DEPUTY_LEAD"));
        server.account("sun.wei", "孙伟", "县政府", List.of("APPROVER"), List.of("PRINCIPAL_LEAD"));
        important = server.upload("li.ming", WorkbenchServer.fixture("notice-public-clean.docx"), Map.of());
        routine = server.upload("li.ming", WorkbenchServer.fixture("announcement-road.pdf"), Map.of());
        openBrowser();
    }

    @Test
    void three_levels_approve_in_turn_and_both_documents_are_published() {
        // 经办人: one document on its own page (marked important), the other in bulk from the list
        browser.signIn("zhao.min", WorkbenchServer.PASSWORD);
        approveOnPage(important, "经办人审核：内容无误，同意发布", true);
        bulk(routine);

        // 科室负责人
        browser.signIn("chen.gang", WorkbenchServer.PASSWORD);
        assertEquals("2", browser.text(By.id("waiting-count")), "both documents wait for the section head");
        browser.screenshot("10-home-approver");
        browser.open("/review/" + important);
        assertTrue(browser.text(By.id("earlier")).contains("经办人审核：内容无误"), "the earlier opinion is shown");
        browser.screenshot("11-approval-review");
        approveOnPage(important, "科室负责人：同意", false);
        browser.open("/queues/PUBLICATION_REVIEW");
        assertTrue(browser.all(By.cssSelector("input[type=checkbox][data-id='" + important + "']")).isEmpty(),
                "an important document is never offered for bulk approval");
        bulk(routine);

        // 分管领导: the routine document is published by bulk approval, the important one needs the 主要领导
        browser.signIn("liu.yang", WorkbenchServer.PASSWORD);
        approveOnPage(important, "分管领导：同意", false);
        browser.open("/queues/PUBLICATION_REVIEW");
        browser.screenshot("12-approval-queue");
        bulk(routine);
        assertEquals("PUBLISHED", server.get("li.ming", "/api/v1/documents/" + routine + "/review").get("outcome").asText());

        // 主要领导
        browser.signIn("sun.wei", WorkbenchServer.PASSWORD);
        approveOnPage(important, "主要领导：同意发布", false);
        browser.open("/documents/" + important);
        browser.waitForText(By.cssSelector(".page-head"), "已公开");
        assertEquals(4, browser.all(By.cssSelector("#opinions tbody tr")).size(), "four opinions recorded, one per level");
        browser.screenshot("13-document-published");
    }

    private static void approveOnPage(String id, String opinion, boolean markImportant) {
        browser.open("/review/" + id);
        browser.type(By.id("comment"), opinion);
        if (markImportant) {
            browser.click(By.id("important"));
        }
        String before = browser.text(By.cssSelector(".page-head"));
        browser.click(By.id("approve"));
        browser.waitUntil(d -> !d.findElement(By.cssSelector(".page-head")).getText().equals(before) || d.findElements(By.id("closed")).size() == 1);
        browser.ready();
    }

    private static void bulk(String id) {
        browser.open("/queues/PUBLICATION_REVIEW");
        browser.click(By.cssSelector("input[type=checkbox][data-id='" + id + "']"));
        browser.type(By.id("bulk-comment"), "同意");
        browser.click(By.id("bulk-approve"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("input[type=checkbox][data-id='" + id + "']")).isEmpty());
        browser.ready();
    }
}
