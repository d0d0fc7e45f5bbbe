package com.sladesk.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.sladesk.process.ServiceRequestProcess;

/**
 * The groups SLA Desk works with and what each may do in Camunda, created once per database in every
 * environment; users are added to these groups in Camunda Admin (or by the demo data).
 */
@Component
class RoleAuthorizations {

    static final List<String> GROUPS = List.of(Groups.ADMIN, Groups.PROCESS_DESIGNERS, Groups.SERVICE_DESK,
            Groups.TECH_SUPPORT, Groups.EXPERTS, Groups.TEAM_LEADS, Groups.SERVICE_MANAGERS,
            Groups.SERVICE_DIRECTORS, Groups.INTEGRATIONS, Groups.MONITORING);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final SeedOnce seedOnce;

    RoleAuthorizations(IdentityService identityService, AuthorizationService authorizationService,
            SeedOnce seedOnce) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.seedOnce = seedOnce;
    }

    @Order(2)
    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        seedOnce.run("role-authorizations-v1", this::createGroupsAndAuthorizations);
        // added after v1: databases seeded before get the group now
        seedOnce.run("monitoring-group-v1", () -> createGroupIfMissing(Groups.MONITORING));
        seedOnce.run("task-work-v1", this::agentsWorkTasksLeadsReassign);
    }

    /**
     * Agents claim and complete tasks; leads, managers and directors may also reassign them. Databases seeded
     * before: candidates' UPDATE on open tasks becomes TASK_WORK, and designers lose the rights Camunda gave them
     * on their own deployments.
     */
    private void agentsWorkTasksLeadsReassign() {
        for (String group : TasklistFilters.ESCALATION_GROUPS) {
            grantMore(group, Resources.PROCESS_DEFINITION, ServiceRequestProcess.PROCESS_KEY,
                    Permissions.READ_TASK, Permissions.TASK_ASSIGN);
        }
        for (Authorization task : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()) {
            task.removePermission(Permissions.UPDATE);
            task.addPermission(Permissions.TASK_WORK);
            authorizationService.saveAuthorization(task);
        }
        for (Authorization deployment : authorizationService.createAuthorizationQuery()
                .resourceType(Resources.DEPLOYMENT).list()) {
            if (deployment.getUserId() != null && !Authorization.ANY.equals(deployment.getUserId())) {
                authorizationService.deleteAuthorization(deployment.getId());
            }
        }
    }

    private void createGroupsAndAuthorizations() {
        // camunda.bpm.admin-user may have created camunda-admin with its authorizations already
        boolean adminGroupCreated = GROUPS.stream().filter(this::createGroupIfMissing).toList()
                .contains(Groups.ADMIN);
        if (adminGroupCreated) {
            for (Resource resource : Resources.values()) {
                grant(Groups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
            }
        }
        for (String group : TasklistFilters.TASKLIST_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // READ_INSTANCE lets Tasklist show a task's process variables (request key, tier, ...) in the list
            grant(group, Resources.PROCESS_DEFINITION, ServiceRequestProcess.PROCESS_KEY, Permissions.READ,
                    Permissions.READ_INSTANCE);
        }
        for (String group : TasklistFilters.ESCALATION_GROUPS) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                    Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        }
        // designers deploy new versions and look at them; they cannot delete deployments or running requests
        String designers = Groups.PROCESS_DESIGNERS;
        grant(designers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(designers, Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ);
        grant(designers, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        grant(designers, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.READ_HISTORY);
        grant(designers, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
        grant(designers, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
    }

    private boolean createGroupIfMissing(String id) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return false;
        }
        Group group = identityService.newGroup(id);
        group.setName(id);
        group.setType(Groups.ADMIN.equals(id) ? org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM
                : org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
        identityService.saveGroup(group);
        return true;
    }

    /** Adds permissions to the group's grant on the resource, which may exist already. */
    private void grantMore(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
        if (existing == null) {
            grant(group, resource, resourceId, permissions);
            return;
        }
        for (Permission permission : permissions) {
            existing.addPermission(permission);
        }
        authorizationService.saveAuthorization(existing);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
