package com.sladesk.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /api/requests/{key}/messages. A customer's message resumes a request waiting on the customer:
 * author CUSTOMER from a channel (group integrations), or an agent's record of what the customer said
 * (author AGENT, onBehalfOfCustomer), which keeps the agent as its author.
 */
public record NewMessage(
        @NotNull RequestMessage.Author author,
        @NotBlank @Size(max = 4000) String body,
        Channel channel,
        @Size(max = 200) String externalId,
        boolean internal,
        boolean onBehalfOfCustomer) {

    /** A message of the agent's own, not on behalf of the customer. */
    public NewMessage(RequestMessage.Author author, String body, Channel channel, String externalId,
            boolean internal) {
        this(author, body, channel, externalId, internal, false);
    }
}
