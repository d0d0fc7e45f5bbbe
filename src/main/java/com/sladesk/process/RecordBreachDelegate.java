package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import com.sladesk.sla.SlaClocks;

/** Implements "Record breach" of each clock (Task_Record{FirstResponse,ExpertResponse,Resolution}Breach). */
@Component
public class RecordBreachDelegate implements JavaDelegate {

    private final SlaClocks clocks;

    public RecordBreachDelegate(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.breach(ServiceRequestProcess.requestId(execution),
                RequestVariables.of(execution).metric(),
                ServiceRequestProcess.now());
    }
}
