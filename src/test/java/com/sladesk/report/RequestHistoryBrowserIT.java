package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.support.ApiClient;
import com.sladesk.support.HeadlessChromium;

/**
 * A manager reads, in headless Chromium, the history of a VIP request that was warned, breached, escalated,
 * answered late, paused while the customer was asked, and resolved: one row per thing that happened, in words,
 * durations as people write them, times in the report zone, and the diagram across the page fitted to the path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestHistoryBrowserIT {

    /** Monday 10:00 in Shanghai, the report zone. */
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ManagementService managementService;

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerReadsWhatHappenedToARequestInWords(@TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile, 1440, 1800, "en-US");
        ApiClient api = new ApiClient(json, port);
        String key = warnedBreachedEscalatedPausedAndResolved(api);
        String agent = api.agentOf(key);

        // when the manager opens the request's page
        HeadlessChromium.logInThrough(browser, "http://localhost:" + port + "/manager/requests/" + key, "manager.sun");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body"))
                .getDomAttribute("data-loaded") != null);
        Files.write(Path.of("target", "request-history.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")).isEqualTo("true");

        // then each thing that happened is one row, in words
        List<String> rows = browser.findElements(By.cssSelector("#timeline tbody tr.step td.what")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).startsWith("Request received by e-mail from Acme Ltd (VIP)");
        assertThat(rows).anySatisfy(row -> assertThat(row)
                .startsWith("Decided: URGENT, first response 15 min, resolution 4 h (SlaTargets v"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("Routed to tech-support (Routing v"));
        assertThat(rows).containsSubsequence("Warning: first response at 75 %", "Breached first response by 2 min",
                "Escalated to team-leads (level 1)", agent + " claimed Respond to customer — 17 min after arrival",
                "Waiting on customer 2 h 10 min (clock paused)");
        assertThat(rows).contains("Respond to customer — done by " + agent, "Resolution met in 50 min (target 4 h)");
        assertThat(rows).filteredOn(row -> row.startsWith("Resolve request")).hasSize(2);
        assertThat(rows).as("rows for a manager").hasSizeLessThan(30)
                .noneMatch(row -> row.matches(".*\\bPT\\d.*|.*activityType.*|.*Activity_.*|.*Task_.*"));

        // and a task's start and end are one row with its duration
        WebElement respond = row("Respond to customer — done by " + agent);
        assertThat(respond.findElement(By.cssSelector("td.duration")).getText()).isEqualTo("17 min");
        assertThat(respond.findElement(By.cssSelector("td.when")).getText()).isEqualTo("2026-03-02 10:00:00");

        // and engine internals wait behind a toggle
        WebElement details = respond.findElement(By.cssSelector("details"));
        assertThat(details.getDomAttribute("open")).isNull();
        assertThat(details.findElement(By.tagName("summary")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("engine-steps")).getDomAttribute("open")).isNull();

        // and the times are in the report zone, which the page names
        assertThat(browser.findElement(By.id("zone")).getText()).contains("Asia/Shanghai");

        // and the diagram spans the page and opens fitted to the path taken, zoomed in beyond the whole model
        WebElement diagram = browser.findElement(By.id("diagram"));
        long pageWidth = ((Number) js("return document.documentElement.clientWidth")).longValue();
        assertThat(diagram.getSize().getWidth()).isGreaterThan((int) (pageWidth * 0.9));
        assertThat(diagram.getSize().getHeight()).isGreaterThanOrEqualTo(500);
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) js("return window.slaDeskDiagram.check()");
        assertThat((Boolean) fit.get("pathInView")).as("every passed element in view: %s", fit).isTrue();
        assertThat(((Number) fit.get("scale")).doubleValue()).as("%s", fit)
                .isGreaterThan(((Number) fit.get("wholeScale")).doubleValue());
        browser.findElement(By.id("zoom-in")).click();
        @SuppressWarnings("unchecked")
        Map<String, Object> zoomed = (Map<String, Object>) js("return window.slaDeskDiagram.check()");
        assertThat(((Number) zoomed.get("scale")).doubleValue()).isGreaterThan(
                ((Number) fit.get("scale")).doubleValue());
        Files.write(Path.of("target", "request-history-after.png"), browser.getScreenshotAs(OutputType.BYTES));

        // and an unknown request gets a page that says so
        browser.get("http://localhost:" + port + "/manager/requests/SR-999999");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("No request SR-999999");
    }

    /** A VIP outage: warned at 11 min 15 s, breached and escalated at 15 min, answered at 17, asked the customer
     * at 30, the customer's reply at 2 h 40 (2 h 10 min paused), resolved at 3 h. */
    private String warnedBreachedEscalatedPausedAndResolved(ApiClient api) throws Exception {
        at(T0);
        ObjectNode body = json.createObjectNode().put("channel", "EMAIL").put("category", "FAULT")
                .put("product", "Router X1").put("subject", "Production line down")
                .put("description", "Outage on line 3.");
        body.putObject("customer").put("id", "acme-" + System.nanoTime()).put("name", "Acme Ltd")
                .put("email", "ops-" + System.nanoTime() + "@acme.example").put("tier", "VIP");
        String key = json.readTree(api.post("/api/requests", "intake", body).body()).path("key").asText();
        String agent = api.agentOf(key);
        String instance = api.getJson("/api/requests/" + key, "intake").path("processInstanceId").asText();
        passes(instance, T0.plus(Duration.ofMinutes(17)));
        api.claimAndSubmit(api.onlyTaskOf(key, agent), agent, Var.REPLY, "We are on it.");
        passes(instance, T0.plus(Duration.ofMinutes(30)));
        api.submitForm(api.onlyTaskOf(key, agent), agent, Var.QUESTION, "Which firmware runs on line 3?",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_WAITING_ON_CUSTOMER);
        passes(instance, T0.plus(Duration.ofMinutes(160)));
        ObjectNode reply = json.createObjectNode().put("author", "CUSTOMER").put("body", "Firmware 1.3.");
        assertThat(api.post("/api/requests/" + key + "/messages", "intake", reply).statusCode()).isEqualTo(201);
        passes(instance, T0.plus(Duration.ofHours(3)));
        api.submitForm(api.onlyTaskOf(key, agent), agent, Var.RESOLUTION, "Updated the firmware.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED);
        return key;
    }

    /** Moves the engine clock to {@code end}, running each timer of the instance at its instant on the way. */
    private void passes(String instance, Instant end) {
        Job next;
        while ((next = managementService.createJobQuery().processInstanceId(instance).timers()
                .duedateLowerThan(Date.from(end.plusMillis(1))).orderByJobDuedate().asc().listPage(0, 1).stream()
                .findFirst().orElse(null)) != null) {
            at(next.getDuedate().toInstant());
            managementService.executeJob(next.getId());
        }
        at(end);
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private WebElement row(String what) {
        return browser.findElements(By.cssSelector("#timeline tbody tr.step")).stream()
                .filter(r -> r.findElement(By.cssSelector("td.what")).getText().equals(what)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + what));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
