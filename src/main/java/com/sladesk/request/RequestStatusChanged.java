package com.sladesk.request;

import java.time.Instant;

/** Published, inside the transaction, whenever a request changes status (and when it is opened). */
public record RequestStatusChanged(long requestId, RequestStatus from, RequestStatus to, Instant at, String team,
        String assignee, String calendarId) {
}
