package com.sladesk.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /api/requests/{key}/messages. A customer's message resumes a request waiting on the customer. */
public record NewMessage(
        @NotNull RequestMessage.Author author,
        @NotBlank @Size(max = 4000) String body,
        Channel channel,
        @Size(max = 200) String externalId,
        boolean internal) {
}
