package com.sladesk.report;

import java.util.List;
import java.util.Optional;

import com.sladesk.report.RequestHistory.Diagram;
import com.sladesk.report.RequestHistory.Entry;

/** What the process engine recorded of a request's process instance; the process layer reads it. */
public interface ProcessHistory {

    /** The BPMN of the instance's process version, the elements it passed and those it waits in. */
    Optional<Diagram> diagramOf(String processInstanceId);

    /** The instance's start and end, activities, tasks, claims, decisions and incidents as timeline entries. */
    List<Entry> entriesOf(String processInstanceId);
}
