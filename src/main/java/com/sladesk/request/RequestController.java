package com.sladesk.request;

import java.net.URI;
import java.security.Principal;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/requests")
@Validated
class RequestController {

    /** Concurrent retries of one (channel, externalId) race on a unique key; the losers read the winner's row. */
    private static final int INTAKE_ATTEMPTS = 3;

    private final RequestIntake intake;
    private final RequestReader reader;
    private final RequestConversation conversation;
    private final CustomerProxies proxies;

    RequestController(RequestIntake intake, RequestReader reader, RequestConversation conversation,
            CustomerProxies proxies) {
        this.proxies = proxies;
        this.intake = intake;
        this.reader = reader;
        this.conversation = conversation;
    }

    @PostMapping
    ResponseEntity<RequestView> create(@Valid @RequestBody NewRequest body) {
        for (int attempt = 1; ; attempt++) {
            Optional<ServiceRequest> existing = intake.existing(body.channel(), body.externalId());
            if (existing.isPresent()) {
                return ResponseEntity.ok(reader.detail(existing.get().getId()));
            }
            try {
                ServiceRequest created = intake.receive(body);
                return ResponseEntity.created(URI.create("/api/requests/" + created.getRequestKey()))
                        .body(reader.detail(created.getId()));
            } catch (DataIntegrityViolationException | PessimisticLockingFailureException race) {
                if (attempt == INTAKE_ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    @GetMapping("/{key}")
    RequestView get(@PathVariable String key) {
        return reader.detail(key).orElseThrow(() -> RequestConversation.notFound(key));
    }

    /** A message on the request; the same externalId again answers 200 with the message recorded first. */
    @PostMapping("/{key}/messages")
    ResponseEntity<RequestView.MessageView> addMessage(@PathVariable String key, @Valid @RequestBody NewMessage body,
            Authentication user) {
        if (body.onBehalfOfCustomer() && !proxies.mayActFor(user, key)) {
            throw new NotAllowedException("Only the request's team, leads, managers and directors record the "
                    + "customer's words on " + key);
        }
        for (int attempt = 1; ; attempt++) {
            Optional<RequestMessage> existing = conversation.existing(key, body.externalId());
            if (existing.isPresent()) {
                return ResponseEntity.ok(RequestView.MessageView.of(existing.get()));
            }
            try {
                RequestMessage created = conversation.add(key, body, user.getName(),
                        user.getAuthorities().stream().anyMatch(
                                granted -> granted.getAuthority().equals(RequestMessage.CHANNEL_GROUP)));
                return ResponseEntity.status(HttpStatus.CREATED).body(RequestView.MessageView.of(created));
            } catch (DataIntegrityViolationException race) {
                if (attempt == INTAKE_ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    /** The customer confirms the resolution: through a channel, or recorded by staff (SecurityConfiguration). */
    @PostMapping("/{key}/confirm")
    RequestView confirm(@PathVariable String key, Principal user) {
        conversation.confirm(key, user.getName());
        return reader.detail(key).orElseThrow();
    }

    /** The customer reopens the request: through a channel, or recorded by staff (SecurityConfiguration). */
    @PostMapping("/{key}/reopen")
    RequestView reopen(@PathVariable String key, Principal user) {
        conversation.reopen(key, user.getName());
        return reader.detail(key).orElseThrow();
    }

    @GetMapping
    PagedModel<RequestView> list(@RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) String team, @RequestParam(required = false) Boolean breached,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new PagedModel<>(reader.search(status, team, breached, PageRequest.of(page, size)));
    }
}
