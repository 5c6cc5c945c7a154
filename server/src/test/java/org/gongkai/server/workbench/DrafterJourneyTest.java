package org.gongkai.server.workbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The drafter (起草人) in a real browser: uploads two drafts by the page's file chooser with the 呈批单 fields and sees
 * each one's progress and result; opens the report of the one returned for a missing disclosure annotation (its state,
 * findings, history and return notice as a page and as a PDF); resubmits the corrected draft and sees what was fixed.
 */
class DrafterJourneyTest extends Journey {

    @BeforeAll
    static void start() {
        startServer();
        server.account("li.ming", "李明", "县农业农村局", "DRAFTER");
        openBrowser();
    }

    @Test
    void drafter_uploads_reads_the_report_and_the_return_notice_and_resubmits_the_corrected_draft() throws Exception {
        browser.signIn("li.ming", WorkbenchServer.PASSWORD);
        browser.screenshot("01-home-drafter");
        browser.click(By.linkText("送审上传"));
        browser.ready();
        browser.present(By.id("files")).sendKeys(WorkbenchServer.fixture("attr-missing.docx") + "\n" + WorkbenchServer.fixture("notice-public-clean.docx"));
        assertTrue(browser.all(By.cssSelector("#upload-list li")).size() == 2, "both files listed with a progress bar each");
        browser.click(By.id("upload-submit"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("#upload-list a.result-link")).size() == 2);
        String results = browser.text(By.id("upload-list"));
        assertTrue(results.contains("退回起草单位") && results.contains("发布审核"), results);
        browser.screenshot("02-upload");

        browser.click(By.xpath("//ul[@id='upload-list']//li[contains(., 'attr-missing.docx')]//a[contains(@class,'result-link')]"));
        browser.ready();
        browser.find(By.id("return-notice"));
        String facts = browser.text(By.id("report-facts"));
        assertTrue(facts.contains("未标注") && facts.contains("退回起草单位"), facts);
        assertTrue(browser.text(By.id("findings")).contains("未标注公开属性"), "the finding is listed");
        assertTrue(browser.text(By.id("history")).contains("检查完成"), "the history is shown");
        String returned = browser.driver().getCurrentUrl();
        browser.screenshot("03-document-returned");

        browser.click(By.id("notice-pdf"));
        Path pdf = browser.download(".pdf");
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"), "a PDF notice");
        browser.open(browser.find(By.id("notice-html")).getAttribute("href").replace(server.base, ""));
        assertTrue(browser.driver().getPageSource().contains("退回通知"), "the printable notice");

        browser.driver().get(returned);
        browser.ready();
        browser.click(By.id("resubmit"));
        browser.ready();
        browser.present(By.id("files")).sendKeys(WorkbenchServer.fixture("notice-annotation-attachments.docx").toString());
        browser.click(By.id("upload-submit"));
        browser.click(By.cssSelector("#upload-list a.result-link"));
        browser.ready();
        String comparison = browser.text(By.id("comparison"));
        assertTrue(comparison.contains("已改正") && comparison.contains("未标注公开属性"), comparison);
        browser.screenshot("04-document-resubmitted");

        browser.open("/search?mine=1");
        browser.waitUntil(d -> d.findElements(By.cssSelector("#hits a.hit")).size() >= 3);
        browser.screenshot("05-search");
    }
}
