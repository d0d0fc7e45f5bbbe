package com.sladesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;

/** Implements "Record breach" (Task_RecordFirstResponseBreach, Task_RecordResolutionBreach). */
@Component
public class RecordBreachDelegate implements JavaDelegate {

    private final SlaClocks clocks;

    public RecordBreachDelegate(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.breach(ServiceRequestProcess.requestId(execution),
                SlaMetric.valueOf(ServiceRequestProcess.string(execution, Var.METRIC)),
                ServiceRequestProcess.now());
    }
}
