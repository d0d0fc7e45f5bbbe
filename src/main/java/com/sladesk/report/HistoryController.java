package com.sladesk.report;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.sladesk.request.RequestNotFoundException;

/**
 * A request's timeline (raw for machines, readable for people) and the diagram of the path it took, for managers,
 * directors and admins.
 */
@RestController
class HistoryController {

    private final RequestHistory history;
    private final ReadableHistory readable;

    HistoryController(RequestHistory history, ReadableHistory readable) {
        this.history = history;
        this.readable = readable;
    }

    @GetMapping("/api/requests/{key}/history")
    List<RequestHistory.Entry> history(@PathVariable String key) {
        return history.of(key).orElseThrow(() -> new RequestNotFoundException(key));
    }

    /** The same history as a manager reads it: one step per thing that happened, in words. */
    @GetMapping("/api/requests/{key}/history/readable")
    ReadableHistory.Story readable(@PathVariable String key) {
        return readable.of(key).orElseThrow(() -> new RequestNotFoundException(key));
    }

    @GetMapping("/api/requests/{key}/diagram")
    RequestHistory.Diagram diagram(@PathVariable String key) {
        return history.diagramOf(key).orElseThrow(() -> new RequestNotFoundException(key));
    }
}
