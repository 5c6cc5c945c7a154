package org.gongkai.server.workbench;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every browser journey shares: one real server in a temporary folder and one headless chromium, started by
 * the journey's {@code @BeforeAll} with the accounts and documents it begins from, and both closed after the class.
 * The class is skipped when chromium is not installed.
 */
abstract class Journey {
    @TempDir
    static Path work;
    static WorkbenchServer server;
    static Browser browser;

    /** A fresh server for the journey (after checking that chromium is there). */
    static WorkbenchServer startServer() {
        Browser.assumeInstalled();
        server = new WorkbenchServer(work);
        return server;
    }

    /** The browser, opened once the journey's accounts and documents are in place. */
    static void openBrowser() {
        browser = new Browser(server.base, work);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
