package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * Assignment and completion listener of "Diagnose as expert" (Task_ExpertDiagnosis): an expert's claim stops
 * EXPERT_RESPONSE; so does completing the task without a claim.
 */
@Component
public class StopExpertResponseClockListener implements TaskListener {

    private final SlaClocks clocks;

    public StopExpertResponseClockListener(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null || TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            clocks.stop(ServiceRequestProcess.requestId(task.getExecution()), SlaMetric.EXPERT_RESPONSE,
                    ServiceRequestProcess.now());
        }
    }
}
