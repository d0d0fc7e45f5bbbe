package com.sladesk.process;

import org.springframework.stereotype.Component;

import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;

/**
 * Implements "Close request" (Task_CloseRequest): every clock stopped, status CLOSED (the survey invitation
 * follows the status, in the survey package).
 */
@Component
public class CloseRequestDelegate extends ClosingDelegate {

    public CloseRequestDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses) {
        super(clocks, requests, statuses, RequestStatus.CLOSED);
    }
}
