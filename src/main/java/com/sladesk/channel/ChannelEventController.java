package com.sladesk.channel;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.notify.Signatures;
import com.sladesk.request.Channel;
import com.sladesk.request.InvalidRequestException;
import com.sladesk.request.RequestIntake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import com.sladesk.request.DeskClock;

/**
 * Webhooks of the chat, social, WeChat, app and phone gateways. The gateway signs the raw body with the
 * channel's secret (HMAC-SHA256, header X-SlaDesk-Signature: sha256=&lt;hex&gt;); nothing unsigned is read.
 */
@RestController
class ChannelEventController {

    static final String SIGNATURE_HEADER = "X-SlaDesk-Signature";
    private static final Set<Channel> WEBHOOK_CHANNELS =
            EnumSet.of(Channel.CHAT, Channel.SOCIAL, Channel.WECHAT, Channel.APP, Channel.PHONE);

    private final ChannelInbox inbox;
    private final ChannelProperties properties;
    private final ObjectMapper json;
    private final Validator validator;

    ChannelEventController(ChannelInbox inbox, ChannelProperties properties, ObjectMapper json, Validator validator) {
        this.inbox = inbox;
        this.properties = properties;
        this.json = json;
        this.validator = validator;
    }

    record Received(String requestKey, ChannelInbox.Outcome outcome) {
    }

    @PostMapping("/api/channels/{channel}/events")
    ResponseEntity<Received> receive(@PathVariable String channel, @RequestBody byte[] body,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        Channel source = webhookChannel(channel);
        if (!Signatures.verify(properties.secrets().get(source), body, signature)) {
            throw problem(HttpStatus.UNAUTHORIZED, "Missing or wrong " + SIGNATURE_HEADER
                    + ": sign the raw body with HMAC-SHA256 and the " + source + " secret, as sha256=<hex>");
        }
        ChannelEvent event = read(body);
        if (source == Channel.PHONE && event.call() == null) {
            throw new InvalidRequestException("call", "is required for a phone call event");
        }
        Instant receivedAt = source == Channel.PHONE ? event.call().startedAt().toInstant()
                : event.sentAt() == null ? null : event.sentAt().toInstant();
        if (receivedAt != null) {
            RequestIntake.checkReceivedAt(source == Channel.PHONE ? "call.startedAt" : "sentAt", receivedAt,
                    DeskClock.now());
        }
        ChannelInbox.Accepted accepted = inbox.accept(new Inbound(source, event.eventId(),
                Inbound.Conversation.of(event.conversationId()), event.customer(), event.subject(), event.text(),
                receivedAt, event.category(), event.product()));
        return ResponseEntity.status(accepted.outcome() == ChannelInbox.Outcome.DUPLICATE ? HttpStatus.OK
                : HttpStatus.CREATED).body(new Received(accepted.requestKey(), accepted.outcome()));
    }

    private static Channel webhookChannel(String name) {
        for (Channel candidate : WEBHOOK_CHANNELS) {
            if (candidate.name().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        throw problem(HttpStatus.NOT_FOUND, "No webhook channel " + name + "; use one of " + WEBHOOK_CHANNELS);
    }

    private ChannelEvent read(byte[] body) {
        ChannelEvent event;
        try {
            event = json.readValue(body, ChannelEvent.class);
        } catch (JsonProcessingException e) {
            throw problem(HttpStatus.BAD_REQUEST, "The event is not valid JSON for this API"
                    + (e.getLocation() == null ? "" : " (line %d, column %d)".formatted(e.getLocation().getLineNr(),
                            e.getLocation().getColumnNr())));
        } catch (IOException e) {
            throw problem(HttpStatus.BAD_REQUEST, "The event could not be read");
        }
        if (event == null) {
            throw problem(HttpStatus.BAD_REQUEST, "The event is empty");
        }
        for (ConstraintViolation<ChannelEvent> violation : validator.validate(event)) {
            throw new InvalidRequestException(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return event;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
