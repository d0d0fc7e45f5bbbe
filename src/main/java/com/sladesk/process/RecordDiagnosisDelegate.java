package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

/** Implements "Record diagnosis" (Task_RecordDiagnosis): the expert's note, back IN_PROGRESS with the agent. */
@Component
public class RecordDiagnosisDelegate implements JavaDelegate {

    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;
    private final RequestStatuses statuses;

    public RecordDiagnosisDelegate(ServiceRequestRepository requests, RequestMessageRepository messages,
            RequestStatuses statuses) {
        this.requests = requests;
        this.messages = messages;
        this.statuses = statuses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        messages.save(new RequestMessage(request.getId(), RequestMessage.Author.EXPERT,
                request.getExpert(), true,
                RequestVariables.of(execution).diagnosis(), null, now));
        statuses.move(request, RequestStatus.IN_PROGRESS, now, request.getResponder());
        // the agent chooses the outcome afresh after the diagnosis
        RequestVariables.of(execution).outcomeUsed();
    }
}
