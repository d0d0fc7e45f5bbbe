package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.support.ApiClient;
import com.sladesk.support.HeadlessChromium;

/**
 * An agent's queue in Camunda Tasklist (headless Chromium): the list is ordered earliest due first and the sort
 * header says so, not "Created".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistQueueBrowserIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void myTeamsQueueIsSortedByDueDateAndItsHeaderSaysSo(@TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile, 1440, 1000, "en-US");
        ApiClient api = new ApiClient(json, port);
        // given a VIP outage (first response due in 15 minutes) and, received after it, a standard customer's
        // fault (due in hours): newest first would list the standard one first
        String vip = intake(api, "VIP");
        String standard = intake(api, "STANDARD");
        String queue = null;
        for (JsonNode filter : api.getJson("/engine-rest/filter?resourceType=Task", "agent.wang")) {
            if (filter.path("name").asText().equals("My team's queue")) {
                queue = filter.path("id").asText();
                assertThat(filter.path("query").path("sorting").isMissingNode()
                        || filter.path("query").path("sorting").isEmpty()).as("the filter's own order").isTrue();
            }
        }

        assertThat(queue).as("the filter My team's queue").isNotNull();

        // when agent.wang opens his team's queue in Tasklist
        String page = "http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + queue;
        HeadlessChromium.logInThrough(browser, page, "agent.wang");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getText()
                .contains(standard) && d.findElement(By.tagName("body")).getText().contains(vip));

        // then the header names the order the list has: due date first
        String header = browser.findElement(By.cssSelector("[cam-sorting-choices]")).getText();
        assertThat(header).contains("Due date").doesNotContain("Created");
        assertThat(browser.getCurrentUrl()).contains("sorting=");
        String list = browser.findElement(By.cssSelector(".tasks-list")).getText();
        assertThat(list.indexOf(vip)).as("the VIP request, due first, is listed first").isNotNegative()
                .isLessThan(list.indexOf(standard));
    }

    @Test
    void theRespondFormShowsHowALikeRequestWasResolved(@TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile, 1440, 1400, "en-US");
        ApiClient api = new ApiClient(json, port);
        // given a feeder fault resolved before (a made-up model name makes it the likest)
        String model = "Feedmaster" + Long.toString(System.nanoTime(), 36);
        String resolution = "Cleaned the feeder rollers and replaced the separation pad " + UUID.randomUUID();
        String solved = intake(api, "STANDARD", model + " feeder grinds every sheet");
        api.claimAndSubmit(api.onlyTaskOf(solved, "agent.wang"), "agent.wang", Var.REPLY, "Looking into it.");
        api.submitForm(api.onlyTaskOf(solved, "agent.wang"), "agent.wang", Var.RESOLUTION, resolution, Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED);

        // when a new fault of that model arrives and agent.wang opens its Respond to customer form in Tasklist
        String fresh = intake(api, "STANDARD", "Sheets grind in the " + model + " feeder");
        String task = api.onlyTaskOf(fresh, "agent.wang");
        HeadlessChromium.logInThrough(browser, "http://localhost:" + port
                + "/camunda/app/tasklist/default/#/?task=" + task, "agent.wang");
        WebElement suggestions = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("textarea")).stream().filter(t -> String.valueOf(t.getDomProperty("value"))
                        .contains(solved)).findFirst().orElse(null));

        // then the form shows the resolved request's key and resolution, read-only
        assertThat(suggestions.getDomProperty("value")).startsWith(solved + ", resolved ").contains(resolution);
        assertThat(suggestions.isEnabled()).isFalse();
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Suggestions: how like requests were resolved");
    }

    private String intake(ApiClient api, String tier) throws Exception {
        return intake(api, tier, "Printer jammed");
    }

    private String intake(ApiClient api, String tier, String subject) throws Exception {
        ObjectNode body = json.createObjectNode().put("channel", "EMAIL").put("category", "FAULT")
                .put("subject", subject).put("description", "Paper stuck in tray 2.");
        body.putObject("customer").put("id", tier.toLowerCase() + "-" + System.nanoTime()).put("name", tier)
                .put("email", tier.toLowerCase() + System.nanoTime() + "@example.com").put("tier", tier);
        return json.readTree(api.post("/api/requests", "intake", body).body()).path("key").asText();
    }
}
