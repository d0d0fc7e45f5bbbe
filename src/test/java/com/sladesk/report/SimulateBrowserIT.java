package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sladesk.support.HeadlessChromium;

/**
 * A manager, in headless Chromium, uploads a candidate SlaTargets table that answers VIP e-mail within 10
 * minutes, tries it on April 2023 and sees the comparison as a table and a chart, with the flipped request
 * linking to its history; the login is the Tasklist's session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulateBrowserIT {

    @LocalServerPort int port;
    @Autowired DataSource dataSource;

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerUploadsACandidateAndSeesWhichRequestsFlip(@TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile, 1440, 1400, "en-US");
        // given three VIP requests by e-mail answered in 5, 12 and 20 minutes (target 15) in April 2023
        long first = new JdbcTemplate(dataSource).queryForObject(
                "select coalesce(max(id), 0) + 400000 from service_request", Long.class);
        List<ReportData.Request> requests = new ArrayList<>();
        long[] answers = {300, 720, 1_200};
        for (int i = 0; i < answers.length; i++) {
            long id = first + i;
            requests.add(new ReportData.Request(id, "SR-%06d".formatted(id),
                    Instant.parse("2023-04-%02dT02:00:00Z".formatted(3 + i)), "EMAIL", "FAULT", "tech-support", "VIP",
                    "URGENT", "agent.sim", false, answers[i], 0, 3_600, 0, 0, List.of(
                            ReportData.stopped("FIRST_RESPONSE", 0, 900, answers[i]),
                            ReportData.stopped("RESOLUTION", 0, 14_400, answers[i] + 3_600))));
        }
        ReportData.write(dataSource, requests);
        Path candidate = profile.resolve("sla-targets-vip-10min.dmn");
        Files.writeString(candidate, Files.readString(Path.of("decisions", "sla-targets.dmn")).replace(
                "<outputEntry id=\"OutputEntry_VipUrgent_FirstResponseTarget\">\n          <text>\"PT15M\"</text>",
                "<outputEntry id=\"OutputEntry_VipUrgent_FirstResponseTarget\">\n          <text>\"PT10M\"</text>"));

        // when the manager opens the page, picks April 2023 by tier, uploads the table and compares
        HeadlessChromium.logInThrough(browser, "http://localhost:" + port + "/manager/simulate", "manager.sun");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-ready") != null);
        ((JavascriptExecutor) browser).executeScript("const f = document.getElementById('simulation');"
                + " f.elements.from.value = '2023-04-01'; f.elements.to.value = '2023-04-30';");
        new Select(browser.findElement(By.name("groupBy"))).selectByValue("tier");
        assertThat(new Select(browser.findElement(By.name("decisionDefinitionId"))).getOptions()).hasSizeGreaterThan(1);
        browser.findElement(By.name("candidate")).sendKeys(candidate.toString());
        browser.findElement(By.cssSelector("#simulation button[type=submit]")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        Files.write(Path.of("target", "simulate.png"), browser.getScreenshotAs(OutputType.BYTES));

        // then the table shows VIP first response at 67 % now and 33 % under the candidate
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded"))
                .as(browser.findElement(By.id("status")).getText()).isEqualTo("true");
        List<String> vip = browser.findElements(By.cssSelector("#table-simulation tbody tr[data-group='VIP'] td"))
                .stream().map(WebElement::getText).toList();
        assertThat(vip).startsWith("VIP", "3", "66.7%", "33.3%");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("uploaded sla-targets-vip-10min.dmn")
                .contains("3 requests").contains("clocks that flip: 1");
        // and a chart of both
        Object bars = ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart('chart-simulation'); return c ? c.data.datasets.length : 0;");
        assertThat(((Number) bars).intValue()).isEqualTo(6);
        // and the 12-minute answer flips, linking to its history
        List<WebElement> flips = browser.findElements(By.cssSelector("#table-flipped tbody tr.flip"));
        assertThat(flips).hasSize(1);
        assertThat(flips.get(0).getText()).contains("SR-%06d".formatted(first + 1)).contains("First response")
                .contains("met").contains("breached").contains("12 min").contains("15 min").contains("10 min");
        assertThat(flips.get(0).findElement(By.tagName("a")).getDomAttribute("href"))
                .isEqualTo("/manager/requests/SR-%06d".formatted(first + 1));
    }
}
