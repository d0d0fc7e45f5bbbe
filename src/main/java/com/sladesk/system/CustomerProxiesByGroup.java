package com.sladesk.system;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import com.sladesk.request.CustomerProxies;
import com.sladesk.request.ServiceRequestRepository;

/**
 * A channel gives the customer's answers; staff record them for the customer when they belong to the request's
 * team or are leads, managers, directors or administrators. An unknown key passes, for the controller's 404.
 */
@Component
class CustomerProxiesByGroup implements CustomerProxies {

    static final List<String> ANY_REQUEST = List.of(Groups.INTEGRATIONS, Groups.TEAM_LEADS, Groups.SERVICE_MANAGERS,
            Groups.SERVICE_DIRECTORS, Groups.ADMIN);

    private final ServiceRequestRepository requests;

    CustomerProxiesByGroup(ServiceRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public boolean mayActFor(Authentication user, String requestKey) {
        Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return ANY_REQUEST.stream().anyMatch(groups::contains) || requests.findByRequestKey(requestKey)
                .map(request -> groups.contains(request.getTeam())).orElse(true);
    }
}
