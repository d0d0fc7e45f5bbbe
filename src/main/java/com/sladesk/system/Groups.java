package com.sladesk.system;

import com.sladesk.request.RequestMessage;

/** Camunda group ids the application relies on. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String SERVICE_DESK = "service-desk";
    public static final String TECH_SUPPORT = "tech-support";
    public static final String EXPERTS = "experts";
    public static final String TEAM_LEADS = "team-leads";
    public static final String SERVICE_MANAGERS = "service-managers";
    public static final String SERVICE_DIRECTORS = "service-directors";
    public static final String PROCESS_DESIGNERS = "process-designers";
    public static final String INTEGRATIONS = RequestMessage.CHANNEL_GROUP;
    /** May read /actuator/prometheus: the metrics scraper's user, nothing else. */
    public static final String MONITORING = "monitoring";

    private Groups() {
    }
}
