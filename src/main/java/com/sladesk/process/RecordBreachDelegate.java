package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * Implements "Record breach" of each clock (Task_Record{FirstResponse,ExpertResponse,Resolution,Acknowledgement,
 * FollowUp}Breach). An acknowledgement's breach says why it was not delivered.
 */
@Component
public class RecordBreachDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final AcknowledgementDelivery acknowledgements;

    public RecordBreachDelegate(SlaClocks clocks, AcknowledgementDelivery acknowledgements) {
        this.clocks = clocks;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ServiceRequestProcess.requestId(execution);
        SlaMetric metric = RequestVariables.of(execution).metric();
        String reason = null;
        if (metric == SlaMetric.ACKNOWLEDGEMENT && clocks.isCounting(requestId, metric)) {
            reason = acknowledgements.breachReason(requestId);
            if (reason == null) {
                return;
            }
        }
        clocks.breach(requestId, metric, ServiceRequestProcess.now(), reason);
    }
}
