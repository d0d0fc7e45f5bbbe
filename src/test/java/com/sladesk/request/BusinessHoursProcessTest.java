package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A SlaTargets row that names cn-business-hours: targets count in Shanghai business hours, from the next
 * opening when a request arrives outside them (case 8 through the whole process).
 */
class BusinessHoursProcessTest extends ProcessTestSupport {

    /** A row a designer adds first: social media requests count in Chinese business hours. */
    private static final String BUSINESS_HOURS_RULE = """
            <rule id="Rule_SocialInBusinessHours">
              <inputEntry id="InputEntry_SocialInBusinessHours_CustomerTier"><text></text></inputEntry>
              <inputEntry id="InputEntry_SocialInBusinessHours_Priority"><text></text></inputEntry>
              <inputEntry id="InputEntry_SocialInBusinessHours_Category"><text></text></inputEntry>
              <inputEntry id="InputEntry_SocialInBusinessHours_Channel"><text>"SOCIAL"</text></inputEntry>
              <outputEntry id="OutputEntry_SocialInBusinessHours_FirstResponse"><text>"PT1H"</text></outputEntry>
              <outputEntry id="OutputEntry_SocialInBusinessHours_Resolution"><text>"PT8H"</text></outputEntry>
              <outputEntry id="OutputEntry_SocialInBusinessHours_Expert"><text>"PT30M"</text></outputEntry>
              <outputEntry id="OutputEntry_SocialInBusinessHours_Warning"><text>75</text></outputEntry>
              <outputEntry id="OutputEntry_SocialInBusinessHours_Calendar"><text>"cn-business-hours"</text></outputEntry>
              <outputEntry id="OutputEntry_SocialInBusinessHours_Acknowledgement"><text>"PT30S"</text></outputEntry>
              <outputEntry id="OutputEntry_SocialInBusinessHours_FollowUp"><text>"PT24H"</text></outputEntry>
            </rule>
            """;

    @BeforeEach
    void deploySocialInBusinessHours() throws IOException {
        String table = new String(getClass().getResourceAsStream("/decisions/sla-targets.dmn").readAllBytes(),
                StandardCharsets.UTF_8);
        repositoryService.createDeployment().name("social-in-business-hours").enableDuplicateFiltering(true)
                .addString("sla-targets.dmn",
                        table.replaceFirst("(<output id=\"Output_FollowUpTarget\"[^>]*/>)", "$1\n" + BUSINESS_HOURS_RULE))
                .deploy();
    }

    // case 8
    @Test
    void aRequestReceivedSaturdayNightStartsCountingMondayAtNine() {
        // given Saturday 7 March 2026, 22:30 in Shanghai
        at(shanghai("2026-03-07T22:30"));

        // when
        ServiceRequest request = intake.receive(socialRequest());

        // then
        RequestView view = view(request);
        assertThat(view.calendar()).isEqualTo("cn-business-hours");
        assertThat(clock(view, "FIRST_RESPONSE").warnAt()).isEqualTo(shanghai("2026-03-09T09:45"));
        assertThat(clock(view, "FIRST_RESPONSE").dueAt()).isEqualTo(shanghai("2026-03-09T10:00"));
        // 8 business hours: Monday 09-12, 13-18
        assertThat(clock(view, "RESOLUTION").dueAt()).isEqualTo(shanghai("2026-03-09T18:00"));
        ProcessInstance instance = instanceOf(request);
        assertThat(task(instance)).hasDueDate(Date.from(shanghai("2026-03-09T10:00")));
    }

    // case 8
    @Test
    void aRequestReceivedOnAnAdjustedWorkingSaturdayCountsThatDay() {
        // given Saturday 14 February 2026, a working day before the Spring Festival, 08:30
        at(shanghai("2026-02-14T08:30"));

        // when
        ServiceRequest request = intake.receive(socialRequest());

        // then
        assertThat(clock(view(request), "FIRST_RESPONSE").dueAt()).isEqualTo(shanghai("2026-02-14T10:00"));
    }

    private NewRequest socialRequest() {
        return new NewRequest(Channel.SOCIAL, null, now().atOffset(ZoneOffset.UTC),
                new NewRequest.CustomerData(newCustomer(), "微博用户", null, null, CustomerTier.STANDARD),
                Category.INQUIRY, null, "请问怎么退款", null);
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
