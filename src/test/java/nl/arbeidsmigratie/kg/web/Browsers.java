package nl.arbeidsmigratie.kg.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system packages ({@code chromium}, {@code chromium-driver}), each browser with a fresh
 * profile. Binary and driver are given explicitly, so Selenium Manager never downloads anything.
 */
final class Browsers {
    private static final String CHROMIUM = System.getProperty("kg.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("kg.chromedriver", "/usr/bin/chromedriver");

    private Browsers() {}

    /** A browser that deletes its profile when it quits. */
    static final class Browser implements AutoCloseable {
        final ChromeDriver driver;
        private final Path profile;

        private Browser(ChromeDriver driver, Path profile) {
            this.driver = driver;
            this.profile = profile;
        }

        @Override
        public void close() {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temp directory; the OS cleans it up
            }
        }
    }

    static Browser open(boolean javascript) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER)))
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + DRIVER
                    + ": apt-get install chromium chromium-driver (.ci/run does this)");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("kg-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        // Console messages, so tests can fail on script errors and Content-Security-Policy refusals.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (!javascript) options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** Writes a PNG of the page (its full width, the first 1600 px of its height) to the test artefacts. */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of(System.getProperty("kg.artifacts", "target/test-artifacts"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            long width = Math.round(((Number) size.get("width")).doubleValue());
            long height = Math.min(1600, Math.round(((Number) size.get("height")).doubleValue()));
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
