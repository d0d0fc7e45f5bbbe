package com.sladesk.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.sladesk.request.DeskClock;
import com.sladesk.request.InvalidRequestException;

/**
 * What-if simulations of a candidate SlaTargets table over a past period: designers, managers, directors, admins.
 * Reads only: nothing is deployed, no clock or report row changes.
 */
@RestController
class SimulationController {

    private final Simulations simulations;
    private final SlaReports reports;

    SimulationController(Simulations simulations, SlaReports reports) {
        this.simulations = simulations;
        this.reports = reports;
    }

    /**
     * Multipart (or a form): the file part {@code candidate} or the field {@code decisionDefinitionId}, and
     * {@code from}, {@code to}, {@code groupBy} and filters as the SLA report takes them.
     */
    @PostMapping(path = "/api/simulations", produces = MediaType.APPLICATION_JSON_VALUE)
    Simulations.Result simulate(@RequestParam(required = false) MultipartFile candidate,
            @RequestParam(required = false) String decisionDefinitionId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
            @RequestParam Map<String, String> parameters) throws IOException {
        boolean uploaded = candidate != null && !candidate.isEmpty();
        boolean named = decisionDefinitionId != null && !decisionDefinitionId.isBlank();
        if (uploaded == named) {
            throw new InvalidRequestException("candidate", uploaded
                    ? "send either a file 'candidate' or a 'decisionDefinitionId', not both"
                    : "send a file 'candidate' holding a sla-targets.dmn, or a 'decisionDefinitionId'");
        }
        ReportScope scope = ReportScope.parse(from, to, groupBy, 2, ReportScope.filters(parameters), reports.zone(),
                DeskClock.now());
        Simulations.Candidate table = uploaded
                ? simulations.uploaded(candidate.getOriginalFilename(), candidate.getBytes())
                : simulations.deployed(decisionDefinitionId.trim());
        return simulations.simulate(scope, table, DeskClock.now());
    }

    /** The deployed SlaTargets versions a simulation may name, newest first. */
    @GetMapping("/api/simulations/versions")
    List<Simulations.Version> versions() {
        return simulations.versions();
    }
}
