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
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.sladesk.request.ServiceRequestProcess;

/** Demo users, groups and their Camunda authorizations (all passwords "demo"), created once. */
@Component
@ConditionalOnProperty(name = "sladesk.demo-data", havingValue = "true")
class DemoIdentity {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);

    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Ada", "Admin", Groups.ADMIN),
            new DemoUser("designer", "Dora", "Designer", Groups.PROCESS_DESIGNERS),
            new DemoUser("agent.li", "Li", "Na", Groups.SERVICE_DESK),
            new DemoUser("agent.wang", "Wang", "Lei", Groups.TECH_SUPPORT),
            new DemoUser("expert.zhao", "Zhao", "Min", Groups.EXPERTS),
            new DemoUser("lead.chen", "Chen", "Jie", Groups.TEAM_LEADS),
            new DemoUser("manager.sun", "Sun", "Yue", Groups.SERVICE_MANAGERS),
            new DemoUser("director.zhou", "Zhou", "Hua", Groups.SERVICE_DIRECTORS),
            new DemoUser("intake", "Intake", "Robot", Groups.INTEGRATIONS));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final SeedOnce seedOnce;

    DemoIdentity(IdentityService identityService, AuthorizationService authorizationService, SeedOnce seedOnce) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.seedOnce = seedOnce;
    }

    @Order(2)
    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (seedOnce.run("demo-identity-v1", this::createUsersGroupsAndAuthorizations)) {
            log.info("Created demo users {} (password '{}')", USERS.stream().map(DemoUser::id).toList(), PASSWORD);
        }
    }

    private void createUsersGroupsAndAuthorizations() {
        // camunda.bpm.admin-user may have created the admin and its group with their authorizations already
        boolean adminGroupCreated = USERS.stream().map(DemoUser::group).distinct()
                .filter(this::createGroupIfMissing).toList().contains(Groups.ADMIN);
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@sladesk.example");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(demo.id(), demo.group());
        }
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
        for (String group : List.of(Groups.TEAM_LEADS, Groups.SERVICE_MANAGERS,
                Groups.SERVICE_DIRECTORS)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                    Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        }
        String designers = Groups.PROCESS_DESIGNERS;
        grant(designers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(designers, Resources.DEPLOYMENT, Authorization.ANY, Permissions.ALL);
        grant(designers, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.ALL);
        grant(designers, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.ALL);
        grant(designers, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.ALL);
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
