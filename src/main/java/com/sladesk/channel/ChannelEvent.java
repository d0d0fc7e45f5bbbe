package com.sladesk.channel;

import java.time.OffsetDateTime;

import com.sladesk.request.Category;
import com.sladesk.request.NewRequest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /api/channels/{channel}/events: one message from a chat, social, WeChat or app gateway, or one
 * call from the phone system. {@code conversationId} (for phone: the call id) threads later events into the
 * request the first one opened.
 */
record ChannelEvent(
        @NotBlank @Size(max = 200) String eventId,
        @NotBlank @Size(max = 200) String conversationId,
        OffsetDateTime sentAt,
        @NotNull @Valid NewRequest.CustomerData customer,
        @Size(max = 200) String subject,
        @NotBlank @Size(max = 4000) String text,
        Category category,
        @Size(max = 200) String product,
        @Valid Call call) {

    /** A phone call: the request starts when the call started. */
    record Call(@NotNull OffsetDateTime startedAt, OffsetDateTime endedAt, @Size(max = 20) String direction) {
    }
}
