package com.sladesk.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How much a warning and an escalation raise the Tasklist priority of the open task. */
@ConfigurationProperties("sladesk.sla")
public record SlaProperties(int warningPriorityRaise, int escalationPriorityRaise) {
}
