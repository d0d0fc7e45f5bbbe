package com.sladesk.report;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A request's timeline and the diagram of the path it took, for managers, directors and admins. */
@RestController
class HistoryController {

    private final RequestHistory history;

    HistoryController(RequestHistory history) {
        this.history = history;
    }

    @GetMapping("/api/requests/{key}/history")
    List<RequestHistory.Entry> history(@PathVariable String key) {
        return history.of(key).orElseThrow(() -> notFound(key));
    }

    @GetMapping("/api/requests/{key}/diagram")
    RequestHistory.Diagram diagram(@PathVariable String key) {
        return history.diagramOf(key).orElseThrow(() -> notFound(key));
    }

    private static ErrorResponseException notFound(String key) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No request with key " + key), null);
    }
}
