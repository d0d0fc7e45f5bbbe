package com.sladesk.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP basic credentials against Camunda's users; the user's Camunda groups become authorities. A check
 * that succeeded is remembered for {@link #REMEMBERED} (a SHA-256 of user and password, never the password, with
 * the groups): a client sending the same credentials with every call is not checked against the database each
 * time. A changed password, a locked or deleted user and changed groups take effect within that time; a wrong
 * password is never remembered.
 */
@Component
public class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final int LIMIT = 10_000;

    private final IdentityService identityService;
    private final LongSupplier nanoTime;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    private record Checked(List<SimpleGrantedAuthority> groups, long until) {
    }

    @Autowired
    public CamundaUserAuthenticationProvider(IdentityService identityService) {
        this(identityService, System::nanoTime);
    }

    CamundaUserAuthenticationProvider(IdentityService identityService, LongSupplier nanoTime) {
        this.identityService = identityService;
        this.nanoTime = nanoTime;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || password == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        String key = fingerprint(user, password.toString());
        long now = nanoTime.getAsLong();
        Checked known = checked.get(key);
        if (known == null || now - known.until() > 0) {
            if (!identityService.checkPassword(user, password.toString())) {
                checked.remove(key);
                throw new BadCredentialsException("Unknown user or wrong password");
            }
            List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list()
                    .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
            known = new Checked(groups, now + REMEMBERED.toNanos());
            if (checked.size() >= LIMIT) {
                checked.clear();
            }
            checked.put(key, known);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, known.groups());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String fingerprint(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return user + '\u0000' + HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
