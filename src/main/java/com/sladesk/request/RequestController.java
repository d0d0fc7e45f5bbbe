package com.sladesk.request;

import java.net.URI;
import java.security.Principal;

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
        return UniqueKeyRace.existingOrCreated(
                () -> intake.existing(body.channel(), body.externalId())
                        .map(existing -> ResponseEntity.ok(reader.detail(existing.getId()))),
                () -> {
                    ServiceRequest created = intake.receive(body);
                    return ResponseEntity.created(URI.create("/api/requests/" + created.getRequestKey()))
                            .body(reader.detail(created.getId()));
                });
    }

    @GetMapping("/{key}")
    RequestView get(@PathVariable String key) {
        return reader.detail(key).orElseThrow(() -> new RequestNotFoundException(key));
    }

    /** A message on the request; the same externalId again answers 200 with the message recorded first. */
    @PostMapping("/{key}/messages")
    ResponseEntity<RequestView.MessageView> addMessage(@PathVariable String key, @Valid @RequestBody NewMessage body,
            Authentication user) {
        if (body.onBehalfOfCustomer() && !proxies.mayActFor(user, key)) {
            throw new NotAllowedException("Only the request's team, leads, managers and directors record the "
                    + "customer's words on " + key);
        }
        boolean channel = user.getAuthorities().stream()
                .anyMatch(granted -> granted.getAuthority().equals(RequestMessage.CHANNEL_GROUP));
        return UniqueKeyRace.existingOrCreated(
                () -> conversation.existing(key, body.externalId())
                        .map(existing -> ResponseEntity.ok(RequestView.MessageView.of(existing))),
                () -> ResponseEntity.status(HttpStatus.CREATED).body(RequestView.MessageView.of(
                        conversation.add(key, body, user.getName(), channel))));
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
