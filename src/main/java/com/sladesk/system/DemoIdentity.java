package com.sladesk.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo users, one per group (all passwords "demo"), created once per database when demo data is on. */
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
            new DemoUser("intake", "Intake", "Robot", Groups.INTEGRATIONS),
            new DemoUser("prometheus", "Prometheus", "Scraper", Groups.MONITORING));

    private final IdentityService identityService;
    private final SeedOnce seedOnce;

    DemoIdentity(IdentityService identityService, SeedOnce seedOnce) {
        this.identityService = identityService;
        this.seedOnce = seedOnce;
    }

    @Order(3)
    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        // v2 adds the users added since v1; users that exist already are left as they are
        if (seedOnce.run("demo-users-v2", this::createUsers)) {
            log.info("Created demo users {} (password '{}')", USERS.stream().map(DemoUser::id).toList(), PASSWORD);
        }
    }

    private void createUsers() {
        for (DemoUser demo : USERS) {
            // camunda.bpm.admin-user may have created the admin already
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
    }
}
