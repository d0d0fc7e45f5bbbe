package com.sladesk.process;

import java.util.Set;

import org.springframework.stereotype.Component;

import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * Implements "Close request" (Task_CloseRequest): status CLOSED (the survey invitation follows the status, in
 * the survey package), every clock stopped but FOLLOW_UP and ACKNOWLEDGEMENT, which "Stop the clocks left
 * running" stops when the reopen window ends, if nothing stopped them before.
 */
@Component
public class CloseRequestDelegate extends ClosingDelegate {

    public CloseRequestDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses) {
        // the loop with the customer may still be closed after an auto-close (a follow-up, the survey), and an
        // acknowledgement not delivered yet still breaches on time
        super(clocks, requests, statuses, RequestStatus.CLOSED, Set.of(SlaMetric.FOLLOW_UP,
                SlaMetric.ACKNOWLEDGEMENT));
    }
}
