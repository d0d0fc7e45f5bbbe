package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.support.ApiClient;
import com.sladesk.support.HeadlessChromium;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromedriver; .ci/run installs them): a manager
 * logs in, the page loads seeded February 2024, and each chart holds the numbers the report API returns.
 * Without a chromium the test is skipped, unless -Dsladesk.browser.required=true (as in CI) makes it fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2024-03-10T04:00:00Z");
    static final String PERIOD = "from=2024-02-01&to=2024-02-29";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired DataSource dataSource;

    private ChromeDriver browser;
    private ApiClient api;
    private String riskyKey;

    @BeforeEach
    void seedAndStartTheBrowser(@org.junit.jupiter.api.io.TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile, 1400, 2400, "zh-CN");
        long firstId = new JdbcTemplate(dataSource).queryForObject(
                "select coalesce(max(id), 0) + 100000 from service_request", Long.class);
        new ReportData(7, NOW).write(dataSource, firstId, 300, LocalDate.of(2024, 2, 1).atStartOfDay(ZONE).toInstant(),
                LocalDate.of(2024, 3, 1).atStartOfDay(ZONE).toInstant(), 0.05, false);
        // and a request whose first response is due in 3 minutes, past its warning
        long risky = firstId + 1_000;
        riskyKey = "SR-%06d".formatted(risky);
        ReportData.write(dataSource, List.of(new ReportData.Request(risky, riskyKey, NOW.minusSeconds(720), "EMAIL",
                "FAULT", "tech-support", "VIP", "URGENT", null, true, 720, 0, 0, 0, 0, List.of(
                        new ReportData.Clock("FIRST_RESPONSE", 0, 900, null, false, 0),
                        new ReportData.Clock("RESOLUTION", 0, 14_400, null, false, 0)))));
        ClockUtil.setCurrentTime(Date.from(NOW));
        api = new ApiClient(json, port);
    }

    @AfterEach
    void stop() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theChartsShowTheNumbersTheReportApiReturns() throws Exception {
        // when the manager, not logged in, opens the dashboard, he is sent to the staff login of Tasklist and
        // Cockpit, logs in there, and opens the dashboard again without another prompt
        HeadlessChromium.logInThrough(browser, "http://localhost:" + port + "/manager", "manager.sun");
        awaitLoaded();

        // then it shows the last 30 days up to today in the report zone (2024-03-10 in Shanghai), and "last week"
        // means Monday to Sunday before this week
        assertThat(input("from")).isEqualTo("2024-02-10");
        assertThat(input("to")).isEqualTo("2024-03-10");
        browser.findElement(By.cssSelector("button[data-range=last-week]")).click();
        assertThat(input("from")).isEqualTo("2024-02-26");
        assertThat(input("to")).isEqualTo("2024-03-03");

        // when February is chosen
        browser.get("http://localhost:" + port + "/manager?" + PERIOD);
        awaitLoaded();
        assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
        Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));

        // then the labels follow the browser's language
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SLA 仪表板");

        // and every chart holds what the API answers
        JsonNode total = api.getJson("/api/reports/sla?" + PERIOD, "manager.sun").path("total");
        // the service chain in order: acknowledgement, first response, expert response, resolution, follow-up
        assertThat(data("chart-compliance", 0)).containsExactly(percent(total, "acknowledgement"),
                percent(total, "firstResponse"), percent(total, "expertResponse"), percent(total, "resolution"),
                percent(total, "followUp"));
        assertThat(total.path("requests").asLong()).isEqualTo(300);

        JsonNode byTeam = api.getJson("/api/reports/sla?" + PERIOD + "&groupBy=team", "manager.sun").path("rows");
        assertThat(labels("chart-by-team")).containsExactlyElementsOf(values(byTeam, r -> r.path("group")
                .path("team").asText()));
        assertThat(data("chart-by-team", 0)).containsExactlyElementsOf(numbers(byTeam, r -> r.path("requests")
                .asDouble()));
        assertThat(data("chart-by-team", 1)).containsExactlyElementsOf(numbers(byTeam, r -> r.path("breaches")
                .asDouble()));
        JsonNode byChannel = api.getJson("/api/reports/sla?" + PERIOD + "&groupBy=channel", "manager.sun")
                .path("rows");
        assertThat(data("chart-by-channel", 1)).containsExactlyElementsOf(numbers(byChannel, r -> r.path("breaches")
                .asDouble()));

        JsonNode frt = api.getJson("/api/reports/trend?metric=frt&interval=day&" + PERIOD, "manager.sun");
        List<Double> medians = data("chart-frt-trend", 1);
        assertThat(medians).hasSize(frt.size());
        for (int i = 0; i < frt.size(); i++) {
            assertThat(medians.get(i)).isCloseTo(Math.round(frt.get(i).path("medianSeconds").asDouble() / 6) / 10.0,
                    within(1e-9));
        }

        JsonNode causes = api.getJson("/api/reports/breach-causes?" + PERIOD + "&groupBy=team", "manager.sun")
                .path("rows");
        List<Double> queue = data("chart-causes", 0);
        assertThat(queue).hasSize(causes.size()).isNotEmpty();
        double longest = 0;
        for (JsonNode row : causes) {
            double sum = 0;
            for (String cause : List.of("QUEUE", "AGENT", "EXPERTS", "DELIVERY", "FOLLOW_UP")) {
                sum += row.path("seconds").path(cause).asDouble();
            }
            longest = Math.max(longest, sum);
        }
        // minutes while every bar shown at first (escalation hidden) stays below an hour, hours above
        double perUnit = longest < 3600 ? 60 : 3600;
        for (int i = 0; i < causes.size(); i++) {
            assertThat(queue.get(i)).isCloseTo(Math.round(causes.get(i).path("seconds").path("QUEUE").asDouble()
                    / perUnit * 10) / 10.0, within(1e-9));
        }
        assertThat(js("const d = Chart.getChart('chart-causes').data.datasets[5]; return d.hidden + ' ' + d.label"))
                .isEqualTo("true 超时后（升级） (已隐藏，点击显示)");

        // and a compliance bar below the target is red, one at or above it green
        @SuppressWarnings("unchecked")
        List<String> colours = (List<String>) js(
                "return Chart.getChart('chart-compliance').data.datasets[0].backgroundColor");
        List<Double> percents = data("chart-compliance", 0);
        int target = ((Number) js("return JSON.parse(document.getElementById('sla-desk-data').textContent)"
                + ".complianceTarget")).intValue();
        for (int i = 0; i < percents.size(); i++) {
            assertThat(colours.get(i)).isEqualTo(percents.get(i) != null && percents.get(i) < target ? "#c62828"
                    : "#2e7d32");
        }

        // and times are told in the report zone, as the dates are
        JsonNode latest = causes.isEmpty() ? null : api.getJson("/api/reports/breach-causes?" + PERIOD
                + "&groupBy=team", "manager.sun").path("latest").get(0);
        String due = browser.findElement(By.cssSelector("#table-breaches tbody tr td:last-child")).getText();
        assertThat(due).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(Instant.parse(latest.path("dueAt").asText()).atZone(ZONE)));

        // and the requests at risk are listed as the API answers them, with their breach risk and why
        JsonNode atRisk = api.getJson("/api/reports/at-risk", "manager.sun");
        assertThat(atRisk.findValuesAsText("key")).contains(riskyKey);
        List<WebElement> risks = browser.findElements(By.cssSelector("#table-at-risk tbody tr"));
        assertThat(risks).hasSize(atRisk.size());
        assertThat(browser.findElements(By.cssSelector("#table-at-risk thead th")).get(5).getText())
                .isEqualTo("违约风险");
        for (int i = 0; i < atRisk.size(); i++) {
            List<String> cells = risks.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText)
                    .toList();
            assertThat(cells.get(0)).isEqualTo(atRisk.get(i).path("key").asText());
            assertThat(cells.get(5)).isEqualTo(Math.round(atRisk.get(i).path("breachRisk").asDouble() * 100) + " %");
            assertThat(cells.get(6)).isEqualTo(atRisk.get(i).path("riskReason").asText()).isNotBlank();
        }

        // and at 1440 px no section needs a horizontal scroll bar
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 2400));
        Object scrolling = js("return [...document.querySelectorAll('.dashboard section')]"
                + ".filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.querySelector('h2').textContent)");
        assertThat((List<?>) scrolling).as("sections wider than the page").isEmpty();

        // and the charts are drawn, not just configured
        for (String chart : List.of("chart-compliance", "chart-frt-trend", "chart-ttr-trend", "chart-by-team",
                "chart-causes")) {
            Object painted = ((JavascriptExecutor) browser).executeScript("""
                    const c = document.getElementById(arguments[0]);
                    const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0; for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) n++; }
                    return n;""", chart);
            assertThat(((Number) painted).longValue()).as(chart).isGreaterThan(1000);
        }
        assertThat(browser.findElements(By.cssSelector("#table-breaches a[href^='/manager/requests/SR-']")))
                .isNotEmpty();
        assertThat(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)).isNotEmpty();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void awaitLoaded() {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElement(By.id("status")).getText()
                    .isEmpty() || d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        } catch (TimeoutException e) {
            throw new AssertionError("the dashboard did not load at " + browser.getCurrentUrl(), e);
        }
    }

    private String input(String name) {
        return browser.findElement(By.name(name)).getDomProperty("value");
    }

    @SuppressWarnings("unchecked")
    private List<Double> data(String chart, int dataset) {
        List<Object> values = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(arguments[0]).data.datasets[arguments[1]].data", chart, dataset);
        return values.stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> labels(String chart) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(arguments[0]).data.labels", chart);
    }

    private static List<String> values(JsonNode rows, java.util.function.Function<JsonNode, String> value) {
        List<String> list = new ArrayList<>();
        rows.forEach(r -> list.add(value.apply(r)));
        return list;
    }

    private static Double percent(JsonNode total, String clock) {
        JsonNode percent = total.path(clock).path("percent");
        return percent.isNumber() ? percent.asDouble() : null;
    }

    private static List<Double> numbers(JsonNode rows, java.util.function.ToDoubleFunction<JsonNode> value) {
        List<Double> list = new ArrayList<>();
        rows.forEach(r -> list.add(value.applyAsDouble(r)));
        return list;
    }
}
