package com.sladesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * History level {@value #NAME}: everything of Camunda's full history except the variable-update details
 * (ACT_HI_DETAIL's copy of every value each variable ever had). The variables' last values (ACT_HI_VARINST), the
 * activities, tasks, decisions with their inputs and outputs, jobs, incidents and the operation log (who set
 * variables through the API, and when) stay. Nothing managers see reads the details: the request history, the
 * reports and Tasklist do not, and Cockpit shows them only in the Enterprise edition's history view. Lost: the
 * values a variable had before its last, and restarting an ended instance with its initial variables. A request's
 * 25 variables wrote 25 detail rows at intake, with 15 index entries each on H2: a quarter of its index entries.
 * <p>
 * The level keeps full history's id, so a database created with {@code full} opens with it and the other way round.
 */
@Component
class FullHistoryWithoutVariableDetails extends AbstractProcessEnginePlugin {

    static final String NAME = "full-without-variable-details";

    static final HistoryLevel LEVEL = new HistoryLevelFull() {

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(LEVEL);
        configuration.setCustomHistoryLevels(custom);
    }
}
