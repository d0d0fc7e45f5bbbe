package com.sladesk.suggest;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.sladesk.request.RequestNotFoundException;
import com.sladesk.request.ServiceRequestRepository;

/** Resolutions of the resolved requests most like a request, for the agent to copy what fits (staff). */
@RestController
class SuggestionController {

    static final int LIMIT = 5;

    private final Suggestions suggestions;
    private final ServiceRequestRepository requests;

    SuggestionController(Suggestions suggestions, ServiceRequestRepository requests) {
        this.suggestions = suggestions;
        this.requests = requests;
    }

    @GetMapping("/api/requests/{key}/suggestions")
    List<SolutionIndex.Suggestion> suggestions(@PathVariable String key) {
        return suggestions.like(requests.findByRequestKey(key).orElseThrow(() -> new RequestNotFoundException(key)),
                LIMIT);
    }
}
