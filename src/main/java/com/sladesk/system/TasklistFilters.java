package com.sladesk.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.sladesk.process.ServiceRequestProcess.Var;

/** The Tasklist filters agents and escalation groups work from, each visible to the groups that need it. */
@Component
class TasklistFilters {

    static final List<String> TASKLIST_GROUPS = List.of(Groups.SERVICE_DESK, Groups.TECH_SUPPORT, Groups.EXPERTS,
            Groups.TEAM_LEADS, Groups.SERVICE_MANAGERS, Groups.SERVICE_DIRECTORS);
    static final List<String> QUEUE_GROUPS = List.of(Groups.SERVICE_DESK, Groups.TECH_SUPPORT, Groups.EXPERTS);
    static final List<String> ESCALATION_GROUPS = List.of(Groups.TEAM_LEADS, Groups.SERVICE_MANAGERS,
            Groups.SERVICE_DIRECTORS);

    static final String MY_TASKS = "My tasks";
    static final String MY_TEAMS_QUEUE = "My team's queue";
    static final String DUE_SOON = "Due soon";
    static final String OVERDUE = "Overdue";
    static final String ESCALATED_TO_ME = "Escalated to me";

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final SeedOnce seedOnce;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
            SeedOnce seedOnce) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.seedOnce = seedOnce;
    }

    @Order(3)
    @EventListener(ApplicationReadyEvent.class)
    public void createFilters() {
        seedOnce.run("tasklist-filters-v1", () -> {
            create(MY_TASKS, "Tasks assigned to me", -10,
                    query().taskAssigneeExpression("${currentUser()}"), TASKLIST_GROUPS);
            create(MY_TEAMS_QUEUE, "Tasks of my groups, claimed or not", 0,
                    query().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                    QUEUE_GROUPS);
            create(DUE_SOON, "Follow-up date passed: the warning instant of an SLA target is behind us", 10,
                    query().followUpBeforeExpression("${now()}"), TASKLIST_GROUPS);
            create(OVERDUE, "Due date passed: the SLA target is missed", 20,
                    query().dueBeforeExpression("${now()}"), TASKLIST_GROUPS);
            create(ESCALATED_TO_ME, "Tasks escalated to one of my groups", 30,
                    query().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                    ESCALATION_GROUPS);
        });
    }

    private TaskQuery query() {
        return taskService.createTaskQuery();
    }

    /**
     * The filters carry no order: Tasklist appends the order its sort header shows to a filter's own, so a
     * filter's order would sort first while the header named another. Our Tasklist config.js makes "due date,
     * then priority" the default the header shows. Filters seeded before carried that order; it goes.
     */
    @Order(4)
    @EventListener(ApplicationReadyEvent.class)
    public void dropTheFiltersOwnOrder() {
        seedOnce.run("tasklist-filters-unordered-v2", () -> {
            for (Filter filter : filterService.createFilterQuery().filterResourceType(EntityTypes.TASK).list()) {
                if (List.of(MY_TASKS, MY_TEAMS_QUEUE, DUE_SOON, OVERDUE, ESCALATED_TO_ME).contains(filter.getName())
                        && filter.getQuery() instanceof TaskQueryImpl query
                        && !query.getOrderingProperties().isEmpty()) {
                    query.getOrderingProperties().clear();
                    filterService.saveFilter(filter.setQuery(query));
                }
            }
        });
    }

    private void create(String name, String description, int priority, TaskQuery query, List<String> groups) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", Var.REQUEST_KEY, "label", "Request"),
                Map.of("name", Var.CUSTOMER_TIER, "label", "Tier"),
                Map.of("name", Var.PRIORITY, "label", "Priority"),
                Map.of("name", Var.CHANNEL, "label", "Channel")));
        Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        filterService.saveFilter(filter);
        for (String group : groups) {
            Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filter.getId());
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
