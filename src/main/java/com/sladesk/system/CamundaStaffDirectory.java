package com.sladesk.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import com.sladesk.notify.StaffDirectory;

/** Staff addresses from Camunda's users and groups. */
@Component
class CamundaStaffDirectory implements StaffDirectory {

    private final IdentityService identityService;

    CamundaStaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public List<String> userEmails(String userId) {
        return emails(identityService.createUserQuery().userId(userId).list());
    }

    @Override
    public List<String> groupEmails(String groupId) {
        return emails(identityService.createUserQuery().memberOfGroup(groupId).list());
    }

    private static List<String> emails(List<User> users) {
        return users.stream().map(User::getEmail).filter(email -> email != null && !email.isBlank()).toList();
    }
}
