package com.sladesk.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A designer's trial rule put first in SlaTargets and deployed through /engine-rest as Camunda Modeler does:
 * requests of the API channel get short targets on the 24x7 calendar, so a test can wait for real timers.
 */
public final class ShortTargets {

    private ShortTargets() {
    }

    public static void deploy(ApiClient api, String firstResponse, String resolution, int warningPercent)
            throws Exception {
        deploy(api, firstResponse, resolution, warningPercent, "PT30S");
    }

    /** The same with the acknowledgement's target too (the follow-up's stays 24 hours). */
    public static void deploy(ApiClient api, String firstResponse, String resolution, int warningPercent,
            String acknowledgement) throws Exception {
        String rule = """
                <rule id="Rule_ApiTrial">
                  <description>Trial: API requests on short targets</description>
                  <inputEntry id="InputEntry_ApiTrial_CustomerTier"><text></text></inputEntry>
                  <inputEntry id="InputEntry_ApiTrial_Priority"><text></text></inputEntry>
                  <inputEntry id="InputEntry_ApiTrial_Category"><text></text></inputEntry>
                  <inputEntry id="InputEntry_ApiTrial_Channel"><text>"API"</text></inputEntry>
                  <outputEntry id="OutputEntry_ApiTrial_FirstResponseTarget"><text>"%s"</text></outputEntry>
                  <outputEntry id="OutputEntry_ApiTrial_ResolutionTarget"><text>"%s"</text></outputEntry>
                  <outputEntry id="OutputEntry_ApiTrial_ExpertResponseTarget"><text>"PT30M"</text></outputEntry>
                  <outputEntry id="OutputEntry_ApiTrial_WarningPercent"><text>%d</text></outputEntry>
                  <outputEntry id="OutputEntry_ApiTrial_Calendar"><text>"24x7"</text></outputEntry>
                  <outputEntry id="OutputEntry_ApiTrial_AcknowledgementTarget"><text>"%s"</text></outputEntry>
                  <outputEntry id="OutputEntry_ApiTrial_FollowUpTarget"><text>"PT24H"</text></outputEntry>
                </rule>
                """.formatted(firstResponse, resolution, warningPercent, acknowledgement);
        String table;
        try (var in = ShortTargets.class.getResourceAsStream("/decisions/sla-targets.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String changed = table.replaceFirst("(<output id=\"Output_FollowUpTarget\"[^>]*/>)", "$1\n" + rule);
        if (changed.equals(table)) {
            throw new IllegalStateException("SlaTargets has no Output_FollowUpTarget to put the trial rule after");
        }
        HttpResponse<String> deployment = api.deploy("designer", "sla-targets-trial", "sla-targets.dmn", changed);
        if (deployment.statusCode() != 200) {
            throw new IllegalStateException("deployment refused: " + deployment.body());
        }
    }
}
