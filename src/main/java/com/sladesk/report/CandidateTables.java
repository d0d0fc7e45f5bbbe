package com.sladesk.report;

import java.util.List;
import java.util.Map;

/**
 * Candidate SlaTargets tables for what-if simulations, read and checked against the contract by the process layer
 * (which knows the DMN engine), never deployed.
 */
public interface CandidateTables {

    /** What every SlaTargets table reads and answers: the process and the forms rely on these names. */
    List<String> INPUTS = List.of("customerTier", "priority", "category", "channel");
    List<String> OUTPUTS = List.of("firstResponseTarget", "resolutionTarget", "expertResponseTarget",
            "warningPercent", "calendar");
    /** Outputs a table may have or not (a table from before them gets their defaults, PT30S and PT24H). */
    List<String> OPTIONAL_OUTPUTS = List.of("acknowledgementTarget", "followUpTarget");

    /** A checked table: its name and its outputs for the values of {@link #INPUTS}; null when no rule matches. */
    interface Table {

        String name();

        /** A 400 (InvalidRequestException) when the table fails for these inputs. */
        Map<String, Object> decide(List<String> inputs);
    }

    /** An uploaded DMN file; a 400 naming what is wrong when it is not a SlaTargets table of the contract. */
    Table uploaded(String fileName, byte[] content);

    /** A deployed SlaTargets version by its decision definition id; a 400 when there is none. */
    Table deployed(String decisionDefinitionId);

    /** The deployed SlaTargets versions, newest first. */
    List<Version> versions();

    /** A deployed version of SlaTargets. */
    record Version(String id, int version, String versionTag, String deploymentId) {
    }
}
