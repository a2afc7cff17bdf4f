package com.example.service.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both are given by path, so
 * Selenium never looks for (or downloads) a driver or a browser of its own. Each instance has a
 * fresh profile, deleted on close, and none of Chromium's own network traffic (updates, sync,
 * metrics): the console must work with no internet.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration POLL = Duration.ofMillis(100);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test when Chromium or its driver is missing, unless REQUIRE_BROWSER=true
     * (.ci/run sets it and installs both) demands them: then it fails.
     */
    public static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && Boolean.parseBoolean(System.getenv("REQUIRE_BROWSER"))) {
            throw new AssertionError(CHROMIUM + " or " + CHROMEDRIVER + " is missing, and REQUIRE_BROWSER=true "
                    + "(apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver; "
                + ".ci/run does): browser tests skipped");
    }

    /** A new headless Chromium with a viewport of {@code width} × {@code height} CSS pixels. */
    public static Browser start(int width, int height) {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // What the page logs (CSP violations, script errors) is read by consoleErrors().
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        Browser browser = new Browser(new ChromeDriver(service, options), profile);
        browser.viewport(width, height);
        return browser;
    }

    /** Opens {@code path} of {@code service} signed in with HTTP Basic as {@code user}. */
    public void open(ServiceProcess service, String path, String user, String password) {
        driver.get("http://" + user + ":" + password + "@localhost:" + service.port() + path);
    }

    /** Sets the viewport to {@code width} × {@code height} CSS pixels, as a phone or a desktop window would have it. */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public String text(String id) {
        return byId(id).getText();
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Waits until {@code probe} answers non-null and not false; fails naming {@code what} and the page's state. */
    public <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (WebDriverException e) {
                lastError = e; // an element replaced while it was read: try again
            }
            ServiceProcess.sleep(POLL.toMillis());
        }
        throw new AssertionError("waited " + timeout + " for " + what + "; page text:\n" + pageText(), lastError);
    }

    /** The errors the page logged since the last call: script errors, CSP violations, failed loads. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    public String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (WebDriverException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A PNG of the whole page (not only the viewport) at {@code width} CSS pixels, into {@code file}. */
    public void screenshot(Path file, int width) {
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        viewport(width, (int) Math.max(height, 400));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
