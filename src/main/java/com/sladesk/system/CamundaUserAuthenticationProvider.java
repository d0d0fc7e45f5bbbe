package com.sladesk.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks HTTP basic credentials against Camunda's users; the user's Camunda groups become authorities. */
@Component
public class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    public CamundaUserAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || password == null || !identityService.checkPassword(user, password.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
