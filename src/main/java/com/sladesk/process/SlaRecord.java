package com.sladesk.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * What the ServiceRequest process reads from our tables, as {@code ${slaRecord.dueAt(execution, 'RESOLUTION')}}:
 * timer instants, task dates, the team, the experts and the agent. Process variables carry copies for forms and
 * Tasklist columns that anyone working a task could overwrite; these methods read the request row and its
 * clocks instead. They are the only bean methods a model deployed by a non-administrator may call
 * (see the deployment guard in the system package).
 */
@Component("slaRecord")
@Transactional(readOnly = true)
public class SlaRecord {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;

    public SlaRecord(SlaClocks clocks, ServiceRequestRepository requests) {
        this.clocks = clocks;
        this.requests = requests;
    }

    /** The instant the metric's clock warns (a stopped EXPERT_RESPONSE clock: the resolution's). */
    public Date warnAt(DelegateExecution execution, String metric) {
        return Date.from(counting(execution, metric).getWarnAt());
    }

    /** The instant the metric's clock is due (a stopped EXPERT_RESPONSE clock: the resolution's). */
    public Date dueAt(DelegateExecution execution, String metric) {
        return Date.from(counting(execution, metric).getDueAt());
    }

    /** Whether the metric's clock has stopped (its target met or missed, the request answered or resolved). */
    public boolean isStopped(DelegateExecution execution, String metric) {
        return clocks.clock(ServiceRequestProcess.requestId(execution), SlaMetric.valueOf(metric)).isStopped();
    }

    /** Whether escalation of the metric has another level to wait for. */
    public boolean hasNextLevel(DelegateExecution execution, String metric) {
        SlaClock clock = clocks.clock(ServiceRequestProcess.requestId(execution), SlaMetric.valueOf(metric));
        return !clock.isStopped() && !clock.isPaused() && clock.getNextEscalationAt() != null;
    }

    /** The instant the next escalation level of the metric is due. */
    public Date nextLevelAt(DelegateExecution execution, String metric) {
        SlaClock clock = clocks.clock(ServiceRequestProcess.requestId(execution), SlaMetric.valueOf(metric));
        if (clock.getNextEscalationAt() == null) {
            throw new IllegalStateException(metric + " of request " + execution.getProcessBusinessKey()
                    + " has no next escalation level");
        }
        return Date.from(clock.getNextEscalationAt());
    }

    /** The escalation level the metric's clock goes to next (the Escalation decision's input). */
    public int nextEscalationLevel(DelegateExecution execution, String metric) {
        return clocks.clock(ServiceRequestProcess.requestId(execution), SlaMetric.valueOf(metric))
                .getEscalationLevel() + 1;
    }

    /** The request's customer tier and priority (the Escalation decision's inputs). */
    public String customerTier(DelegateExecution execution) {
        return request(execution).getCustomerTier().name();
    }

    public String priority(DelegateExecution execution) {
        return request(execution).getPriority().name();
    }

    /** The team the request is routed to. */
    public String team(DelegateExecution execution) {
        return request(execution).getTeam();
    }

    /** The expert team of the request. */
    public String expertTeam(DelegateExecution execution) {
        return request(execution).getExpertTeam();
    }

    /** The agent who last worked the request (null: the team's queue). */
    public String agent(DelegateExecution execution) {
        return request(execution).getAgent();
    }

    /** The priority of the request's tasks before warnings and escalations raise it. */
    public int taskPriority(DelegateExecution execution) {
        return request(execution).getPriority().taskPriority();
    }

    private SlaClock counting(DelegateExecution execution, String metric) {
        long requestId = ServiceRequestProcess.requestId(execution);
        SlaClock clock = clocks.clock(requestId, SlaMetric.valueOf(metric));
        if (clock.getMetric() == SlaMetric.EXPERT_RESPONSE && clock.isStopped()) {
            // a later hand-over is not measured; its task is due when the resolution is
            return clocks.clock(requestId, SlaMetric.RESOLUTION);
        }
        return clock;
    }

    private ServiceRequest request(DelegateExecution execution) {
        return ServiceRequestProcess.request(requests, execution);
    }
}
