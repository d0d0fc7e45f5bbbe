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
    private final CandidateTables tables;
    private final SlaReports reports;

    SimulationController(Simulations simulations, CandidateTables tables, SlaReports reports) {
        this.simulations = simulations;
        this.tables = tables;
        this.reports = reports;
    }

    /**
     * Multipart: the file part {@code candidate} or the field {@code decisionDefinitionId}, and {@code from},
     * {@code to}, {@code groupBy} and filters as the SLA report takes them; {@code flipLimit} caps the flips listed.
     */
    @PostMapping(path = "/api/simulations", produces = MediaType.APPLICATION_JSON_VALUE)
    Simulations.Result simulate(@RequestParam(required = false) MultipartFile candidate,
            @RequestParam(required = false) String decisionDefinitionId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String flipLimit, @RequestParam Map<String, String> parameters)
            throws IOException {
        boolean uploaded = candidate != null && !candidate.isEmpty();
        boolean named = decisionDefinitionId != null && !decisionDefinitionId.isBlank();
        if (uploaded == named) {
            throw new InvalidRequestException("candidate", uploaded
                    ? "send either a file 'candidate' or a 'decisionDefinitionId', not both"
                    : "send a file 'candidate' holding a sla-targets.dmn, or a 'decisionDefinitionId'");
        }
        ReportScope scope = ReportScope.parse(from, to, groupBy, 2, ReportScope.filters(parameters), reports.zone(),
                DeskClock.now());
        int limit = limit(flipLimit);
        CandidateTables.Table table = uploaded ? tables.uploaded(candidate.getOriginalFilename(), candidate.getBytes())
                : tables.deployed(decisionDefinitionId.trim());
        return simulations.simulate(scope, table, DeskClock.now(), limit);
    }

    private static int limit(String flipLimit) {
        if (flipLimit == null || flipLimit.isBlank()) {
            return Simulations.DEFAULT_FLIPS;
        }
        try {
            int limit = Integer.parseInt(flipLimit.trim());
            if (limit >= 0 && limit <= Simulations.MAX_FLIPS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("flipLimit", "must be a whole number from 0 to " + Simulations.MAX_FLIPS);
    }

    /** The deployed SlaTargets versions a simulation may name, newest first. */
    @GetMapping("/api/simulations/versions")
    List<CandidateTables.Version> versions() {
        return tables.versions();
    }
}
