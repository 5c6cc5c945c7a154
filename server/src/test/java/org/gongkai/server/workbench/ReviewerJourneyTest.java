package org.gongkai.server.workbench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/**
 * The secrecy reviewer (保密审查员) in a real browser: claims the next item of 区分处理审查, sees the claim's lease,
 * confirms the personal data findings (the first two with the keyboard), dismisses one with a reason, previews the
 * redacted copy, decides 区分处理, downloads the DOCX and PDF publication copies and finds the removed text gone.
 */
class ReviewerJourneyTest extends Journey {
    private static final String ID_NUMBER = "500105195803124428";
    private static final String PHONE = "13912345678";
    static String document;
    static String pdf;

    @BeforeAll
    static void start() {
        startServer();
        server.account("li.ming", "李明", "县市场监管局", "DRAFTER");
        server.account("wang.jing", "王静", "县保密办", "SECRECY_REVIEWER");
        document = server.upload("li.ming", WorkbenchServer.fixture("penalty-decision-01.docx"), Map.of());
        pdf = server.upload("li.ming", WorkbenchServer.fixture("penalty-decision-02.pdf"), Map.of());
        openBrowser();
    }

    @Test
    void reviewer_claims_judges_each_finding_redacts_and_the_downloaded_copies_hold_no_removed_text() throws Exception {
        browser.signIn("wang.jing", WorkbenchServer.PASSWORD);
        assertTrue(browser.text(By.id("waiting-count")).equals("2"), "two items wait for the reviewer");
        browser.click(By.linkText("审查队列"));
        browser.ready();
        browser.screenshot("06-queues");
        browser.click(By.cssSelector("button[data-queue='DISCLOSURE_REVIEW']"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/review/"));
        if (!browser.driver().getCurrentUrl().contains(document)) {
            browser.open("/review/" + document); // the claim handed out the PDF first: take the DOCX from the queue page
        }
        browser.ready();
        assertTrue(browser.text(By.id("lease")).contains("我已认领"), "the lease is shown");
        browser.find(By.id("lease-until"));

        // keyboard: the first finding is selected on arrival; C confirms it, J moves to the next, C again
        Actions keys = new Actions(browser.driver());
        keys.sendKeys("c").perform();
        keys.sendKeys("j").perform();
        keys.sendKeys("c").perform();
        confirm(PHONE);
        confirm("建新北路25号");
        String conflict = "//ul[@id='findings']/li[contains(., '夹带')]";
        browser.type(By.xpath(conflict + "//input[contains(@class,'reason')]"), "删除个人信息后可以主动公开");
        browser.click(By.xpath(conflict + "//button[contains(@class,'dismiss')]"));
        assertTrue(browser.all(By.cssSelector("#findings li.v-CONFIRMED")).size() == 4, "four findings confirmed");
        assertTrue(browser.all(By.cssSelector("#findings li.v-DISMISSED")).size() == 1, "one dismissed");

        browser.driver().navigate().refresh(); // nothing is lost on reload
        browser.ready();
        browser.waitUntil(d -> d.findElements(By.cssSelector("#findings li.v-CONFIRMED")).size() == 4);
        browser.screenshot("07-review");

        browser.click(By.id("redact"));
        browser.find(By.id("redaction-preview"));
        browser.waitUntil(d -> d.findElement(By.id("preview-text")).getText().contains("〔已删除〕"));
        assertFalse(browser.text(By.id("preview-text")).contains(ID_NUMBER), "the preview shows the number removed");
        browser.screenshot("08-redaction-preview");
        browser.click(By.id("confirm-redact"));
        browser.waitUntil(d -> d.findElements(By.id("redacted-docx")).size() == 1);
        browser.ready();
        browser.screenshot("09-after-redaction");

        browser.click(By.id("redacted-docx"));
        Path docx = browser.download(".docx");
        String text;
        try (InputStream in = Files.newInputStream(docx); XWPFDocument d = new XWPFDocument(in); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            text = x.getText();
        }
        assertTrue(text.contains("〔已删除〕") && text.contains("行政处罚决定书"), text);
        assertFalse(text.contains(ID_NUMBER) || text.contains(PHONE) || text.contains("建新北路25号"), "removed text gone from the DOCX: " + text);

        browser.click(By.id("redacted-pdf"));
        Path pdf = browser.download(".pdf");
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String p = new PDFTextStripper().getText(d).replaceAll("\\s+", "");
            assertTrue(p.contains("〔已删除〕"), p);
            assertFalse(p.contains(ID_NUMBER) || p.contains(PHONE), "removed text gone from the PDF");
        }
    }

    @Test
    void a_pdf_is_reviewed_on_its_page_images_with_every_finding_boxed() {
        browser.signIn("wang.jing", WorkbenchServer.PASSWORD);
        browser.open("/review/" + pdf);
        browser.click(By.cssSelector("button[role=tab][data-part='PAGES']"));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js("const i = document.querySelector('.page-img img'); return !!i && i.complete && i.naturalWidth > 0")));
        browser.waitUntil(d -> d.findElements(By.cssSelector(".page-img .box")).size() > 0);
        browser.click(By.cssSelector(".page-img .box"));
        assertTrue(browser.all(By.cssSelector("#findings li.active")).size() == 1, "a box picks its finding in the list");
        browser.screenshot("23-review-pdf-pages");
    }

    private static void confirm(String text) {
        browser.click(By.xpath("//ul[@id='findings']/li[contains(., '" + text + "')]//button[contains(@class,'confirm')]"));
    }
}
