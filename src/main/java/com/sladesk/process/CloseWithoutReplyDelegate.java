package com.sladesk.process;

import java.util.Set;

import org.springframework.stereotype.Component;

import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;

/** Implements "Close without reply" (Task_CloseWithoutReply): clocks stopped, status CLOSED_NO_REPLY. */
@Component
public class CloseWithoutReplyDelegate extends ClosingDelegate {

    public CloseWithoutReplyDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses) {
        super(clocks, requests, statuses, RequestStatus.CLOSED_NO_REPLY, Set.of());
    }
}
