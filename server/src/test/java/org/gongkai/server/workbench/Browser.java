package org.gongkai.server.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the workbench's journeys: Debian's {@code chromium} driven through {@code chromium-driver}
 * (never a driver downloaded at run time: the machine has no network), headless, a fresh profile, downloads into a
 * folder of the test. Tests skip with a message when chromium or chromedriver is not installed; CI installs both.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final Path downloads;

    /** Skips the calling test when the browser is missing. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver): browser journeys skipped");
    }

    Browser(String base, Path work) {
        this.base = base;
        try {
            this.downloads = Files.createDirectories(work.resolve("downloads"));
            Path profile = Files.createDirectories(work.resolve("profile-" + System.nanoTime()));
            ChromeOptions o = new ChromeOptions();
            o.setBinary(CHROMIUM.toFile());
            o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--lang=zh-CN",
                    "--window-size=1280,800", "--user-data-dir=" + profile);
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("intl.accept_languages", "zh-CN,zh");
            o.setExperimentalOption("prefs", prefs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, o);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            // pages re-render (and reload after a decision) while a condition is polled: an element gone stale is "not yet"
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
        ready();
    }

    /** Waits until the page's module has replaced the "正在加载…" placeholder (or a server-rendered page is there). */
    void ready() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.querySelector('#main > p.loading')")));
    }

    /** Signs in through the sign-in form and waits for the page it leads to. */
    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        type(By.name("username"), username);
        type(By.name("password"), password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        ready();
    }

    void signOut() {
        click(By.id("logout"));
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** An element that is in the page, visible or not (the file chooser behind the drop zone). */
    WebElement present(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void click(By by) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    void type(By by, String text) {
        WebElement e = find(by);
        e.clear();
        e.sendKeys(text);
    }

    String text(By by) {
        return find(by).getText();
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
        wait.until(d -> condition.apply(driver));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits for a finished download whose name ends with {@code suffix} and returns it. */
    Path download(String suffix) {
        wait.until(d -> downloaded(suffix) != null);
        return downloaded(suffix);
    }

    private Path downloaded(String suffix) {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.getFileName().toString().endsWith(".crdownload"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    void clearDownloads() {
        try (Stream<Path> s = Files.list(downloads)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A screenshot of the whole page for the README: into {@code server/target/screenshots}, and into the folder named by
     * {@code -Dgongkai.screenshots} (e.g. {@code docs/screenshots}) when it is set.
     */
    void screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            Number height = (Number) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(4000, Math.max(800, height.intValue() + 20))));
            js("window.scrollTo(0, 0)");
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Path target = Path.of(System.getProperty("gongkai.root", "..")).resolve("server/target/screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), png);
            String docs = System.getProperty("gongkai.screenshots");
            if (docs != null && !docs.isBlank()) {
                Path d = Path.of(System.getProperty("gongkai.root", "..")).resolve(docs);
                Files.createDirectories(d);
                Files.write(d.resolve(name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
