package org.gongkai.server.workbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 三员分立 in a real browser: the system administrator creates an account with an initial password; the security
 * administrator then changes its roles; the new user signs in, must change the initial password, and reaches their
 * home page; the security auditor finds both administrators' actions in the audit log.
 */
class AdministrationJourneyTest extends Journey {

    @BeforeAll
    static void start() {
        startServer();
        server.account("sys.zhou", "周敏", "信息中心", "SYSTEM_ADMIN");
        server.account("sec.wu", "吴军", "信息中心", "SECURITY_ADMIN");
        server.account("audit.he", "何平", "信息中心", "AUDITOR");
        openBrowser();
    }

    @Test
    void system_admin_creates_a_user_security_admin_assigns_roles_and_the_user_signs_in() {
        browser.open("/login");
        browser.screenshot("18-login");
        browser.signIn("sys.zhou", WorkbenchServer.PASSWORD);
        browser.click(By.linkText("账户与角色"));
        browser.ready();
        browser.type(By.id("new-username"), "xu.qing");
        browser.type(By.id("new-name"), "许青");
        browser.find(By.cssSelector("#new-department option[value='信息中心']")).click();
        browser.click(By.id("new-role-DRAFTER"));
        String initial = browser.find(By.id("new-password")).getAttribute("value");
        browser.click(By.id("create-user-submit"));
        browser.waitForText(By.id("user-table"), "xu.qing");
        browser.screenshot("19-users");
        browser.open("/admin/system");
        assertTrue(browser.text(By.id("plugins")).contains("dictionary"), "plugins listed");
        browser.screenshot("20-system");

        browser.signIn("sec.wu", WorkbenchServer.PASSWORD);
        browser.open("/admin/users");
        browser.click(By.cssSelector("button[data-user='xu.qing']"));
        browser.click(By.cssSelector("dialog input.role[value='DRAFTER']"));
        browser.click(By.cssSelector("dialog input.role[value='SECRECY_REVIEWER']"));
        browser.click(By.xpath("//dialog//button[text()='保存']"));
        browser.waitUntil(d -> d.findElement(By.id("user-table")).getText().contains("保密审查员"));

        browser.signIn("xu.qing", initial);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/password"), "the initial password must be changed first");
        browser.screenshot("21-password");
        browser.type(By.name("current"), initial);
        browser.type(By.name("next"), "Qing#Work2026");
        browser.type(By.name("confirm"), "Qing#Work2026");
        browser.click(By.id("password-submit"));
        browser.ready();
        browser.waitForText(By.id("who"), "许青");
        assertTrue(browser.text(By.cssSelector("header nav")).contains("审查队列"), "works as a secrecy reviewer now");

        browser.signIn("audit.he", WorkbenchServer.PASSWORD);
        browser.open("/admin/audit");
        browser.waitForText(By.id("audit-table"), "创建账户");
        assertTrue(browser.text(By.id("audit-table")).contains("变更角色"));
        browser.screenshot("22-audit");
    }
}
