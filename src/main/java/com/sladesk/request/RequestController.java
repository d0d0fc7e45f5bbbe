package com.sladesk.request;

import java.net.URI;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
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

    RequestController(RequestIntake intake, RequestReader reader) {
        this.intake = intake;
        this.reader = reader;
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
        return reader.detail(key).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No request with key " + key), null));
    }

    @GetMapping
    PagedModel<RequestView> list(@RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) String team, @RequestParam(required = false) Boolean breached,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new PagedModel<>(reader.search(status, team, breached, PageRequest.of(page, size)));
    }
}
