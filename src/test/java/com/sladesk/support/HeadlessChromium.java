package com.sladesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromedriver (.ci/run installs them), headless. Without them a test is skipped, unless
 * -Dsladesk.browser.required=true (as in CI) makes it fail.
 */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of(System.getProperty("sladesk.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("sladesk.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** A browser with a fresh profile, the given window size and language (e.g. "zh-CN", "en-US"). */
    public static ChromeDriver start(Path profile, int width, int height, String language) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        Assumptions.assumeTrue(present || Boolean.getBoolean("sladesk.browser.required"),
                "no " + CHROMIUM + " and " + CHROMEDRIVER + "; apt-get install chromium chromium-driver");
        assertThat(present).as(CHROMIUM + " and " + CHROMEDRIVER + " are required").isTrue();
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-dev-shm-usage", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=" + width + "," + height, "--lang=" + language,
                "--user-data-dir=" + profile));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(arguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages",
                language + "," + language.substring(0, 2)));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    /**
     * Opens {@code page}, which shows a browser without a session the staff login of Tasklist and Cockpit (our
     * pages send it there), logs in there as {@code user} and comes back to the page.
     */
    public static void logInThrough(ChromeDriver browser, String page, String user) {
        browser.get(page);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/camunda/app/")
                && !d.findElements(By.cssSelector("input[ng-model=username]")).isEmpty());
        browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys(user);
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(ApiClient.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("input[ng-model=username]")).isEmpty());
        browser.get(page);
    }
}
