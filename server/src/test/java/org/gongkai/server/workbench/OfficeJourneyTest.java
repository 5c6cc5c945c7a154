package org.gongkai.server.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The document office (办文机构) in a real browser: sees the returned drafts; registers a 依申请公开 document with its
 * reason; finds it in the 台账 and exports the register as XLSX and CSV; reads the year's statistics with their charts
 * and the annual-report tables and exports them; adds a term to a dictionary, recorded with who and when.
 */
class OfficeJourneyTest extends Journey {
    private static final String TITLE = "文化进万家";
    static String onRequest;

    @BeforeAll
    static void start() {
        startServer();
        server.account("li.ming", "李明", "县文化旅游委", "DRAFTER");
        server.account("zhao.min", "赵敏", "县政府办公室", "DOCUMENT_OFFICE");
        onRequest = server.upload("li.ming", WorkbenchServer.fixture("attr-on-request-reason.docx"),
                Map.of("attribute", "ON_REQUEST", "reason", "内部工作安排，涉及活动场地安全方案"));
        server.upload("li.ming", WorkbenchServer.fixture("attr-missing.docx"), Map.of());
        openBrowser();
    }

    @Test
    void office_registers_exports_the_register_and_the_statistics_and_edits_a_dictionary() throws Exception {
        browser.signIn("zhao.min", WorkbenchServer.PASSWORD);
        browser.open("/office/returned");
        assertTrue(browser.all(By.cssSelector("#returned-waiting tbody tr")).size() == 1, "the unmarked draft waits to be returned");
        browser.screenshot("14-office-returned");

        browser.open("/queues/REGISTERED");
        browser.click(By.cssSelector("a.item-link"));
        browser.ready();
        browser.type(By.id("comment"), "依申请公开：内部工作安排，涉及活动场地安全方案");
        browser.click(By.id("approve"));
        browser.find(By.id("closed"));

        browser.open("/register");
        browser.waitForText(By.id("register-table"), TITLE);
        assertTrue(browser.text(By.id("register-table")).contains("依申请公开") && browser.text(By.id("register-table")).contains("赵敏"));
        browser.screenshot("15-register");
        browser.click(By.id("export-xlsx"));
        Path xlsx = browser.download(".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(text(wb.getSheetAt(0)).contains(TITLE), "the exported register holds the document");
        }
        browser.clearDownloads();
        browser.click(By.id("export-csv"));
        String csv = Files.readString(browser.download(".csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains(TITLE) && csv.contains("依申请公开"), csv);
        browser.clearDownloads();

        browser.open("/statistics");
        assertEquals("2", browser.text(By.id("stat-total")));
        assertTrue(browser.text(By.id("annual-tables")).contains("公文公开属性认定情况"));
        assertTrue(browser.all(By.cssSelector(".chart svg rect")).size() > 0, "charts are drawn");
        browser.screenshot("16-statistics");
        browser.click(By.id("stat-xlsx"));
        try (InputStream in = Files.newInputStream(browser.download(".xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(4, wb.getNumberOfSheets(), "four tables of the annual report");
            assertTrue(text(wb.getSheetAt(0)).contains("依申请公开"));
        }

        browser.open("/dictionaries?file=dictionary/stability.txt");
        By term = By.cssSelector("#add-entry input.new-cell");
        browser.all(term).get(0).sendKeys("群体性冲突");
        browser.all(term).get(1).sendKeys("0.7");
        browser.click(By.id("add-entry-submit"));
        browser.type(By.id("change-comment"), "审查中多次遇到的表述");
        browser.click(By.id("save-list"));
        browser.waitForText(By.id("history"), "群体性冲突");
        assertTrue(browser.text(By.id("history")).contains("赵敏"), "who changed it");
        assertTrue(Files.readString(work.resolve("dictionaries").resolve("stability.txt")).contains("群体性冲突\t0.7"), "the file was written");
        browser.screenshot("17-dictionaries");

        // a detector rules file: a line that does not parse is refused with its line named and the file left alone,
        // a valid rule is written with who and why
        Path hiddenRules = work.resolve("config").resolve("hidden.rules");
        String before = Files.readString(hiddenRules);
        browser.open("/dictionaries?file=rules/hidden.rules");
        browser.find(By.cssSelector("#add-entry input.new-cell")).sendKeys("rule meta.journey HIDDEN_CONTENT:property exclude when nonsense");
        browser.click(By.id("add-entry-submit"));
        browser.type(By.id("change-comment"), "试写一条规则");
        browser.click(By.id("save-list"));
        String refusal = browser.text(By.cssSelector(".toast.error"));
        assertTrue(refusal.contains("第") && refusal.contains("行"), "the refusal names the line: " + refusal);
        assertEquals(before, Files.readString(hiddenRules), "a refused rules file is not written");
        browser.open("/dictionaries?file=rules/hidden.rules");
        browser.find(By.cssSelector("#add-entry input.new-cell")).sendKeys("rule meta.journey HIDDEN_CONTENT:property exclude when value /测试占位/");
        browser.click(By.id("add-entry-submit"));
        browser.type(By.id("change-comment"), "排除模板中的测试占位属性");
        browser.click(By.id("save-list"));
        browser.waitForText(By.id("history"), "meta.journey");
        assertTrue(Files.readString(hiddenRules).contains("rule meta.journey HIDDEN_CONTENT:property exclude when value /测试占位/"));
        browser.screenshot("24-rules");

        // the same page on a 1920-wide screen and at 1280×800: nothing runs off to the side
        for (int[] size : new int[][] {{1920, 1080}, {1280, 800}}) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            for (String page : new String[] {"/", "/register", "/statistics", "/dictionaries?file=rules/hidden.rules"}) {
                browser.open(page);
                Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(overflow.intValue() <= 0, page + " at " + size[0] + " px wide runs " + overflow + " px off the side");
            }
        }
    }

    private static String text(Sheet s) {
        StringBuilder b = new StringBuilder();
        for (Row r : s) {
            for (Cell c : r) {
                b.append(c.toString()).append(' ');
            }
        }
        return b.toString();
    }
}
