package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** A verified password is remembered for five seconds; a change of password or group takes effect after that. */
@SpringBootTest
class RememberedCredentialsTest {

    static final String USER = "remembered.user";

    @Autowired IdentityService identityService;
    private final AtomicLong nanos = new AtomicLong();

    @AfterEach
    void removeTheUser() {
        identityService.deleteUser(USER);
    }

    @Test
    void aChangedPasswordAndAChangedGroupTakeEffectWithinFiveSeconds() {
        // given a user whose password was checked once
        User user = identityService.newUser(USER);
        user.setPassword("first-password");
        identityService.saveUser(user);
        identityService.createMembership(USER, "service-desk");
        CamundaUserAuthenticationProvider provider = new CamundaUserAuthenticationProvider(identityService, nanos::get);
        assertThat(groups(provider.authenticate(basic("first-password")))).containsExactly("service-desk");

        // when the password changes and the user leaves the group
        User stored = identityService.createUserQuery().userId(USER).singleResult();
        stored.setPassword("second-password");
        identityService.saveUser(stored);
        identityService.deleteMembership(USER, "service-desk");

        // then the old password still passes for at most five seconds, with the groups it was checked with
        nanos.addAndGet(CamundaUserAuthenticationProvider.REMEMBERED.toNanos() - 1);
        assertThat(groups(provider.authenticate(basic("first-password")))).containsExactly("service-desk");
        // and not after them
        nanos.addAndGet(2);
        assertThatThrownBy(() -> provider.authenticate(basic("first-password")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(groups(provider.authenticate(basic("second-password")))).isEmpty();
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        User user = identityService.newUser(USER);
        user.setPassword("right-password");
        identityService.saveUser(user);
        CamundaUserAuthenticationProvider provider = new CamundaUserAuthenticationProvider(identityService, nanos::get);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> provider.authenticate(basic("wrong-password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(provider.authenticate(basic("right-password")).isAuthenticated()).isTrue();
        // a deleted user is refused once the remembered check is over
        identityService.deleteUser(USER);
        nanos.addAndGet(CamundaUserAuthenticationProvider.REMEMBERED.toNanos() + 1);
        assertThatThrownBy(() -> provider.authenticate(basic("right-password")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static Authentication basic(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(USER, password);
    }

    private static java.util.List<String> groups(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
