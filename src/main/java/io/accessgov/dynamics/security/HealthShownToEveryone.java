package io.accessgov.dynamics.security;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * In open demo mode (the simulator, no issuer of callers' tokens) every caller is anonymous, so Spring Boot's
 * {@code when-authorized} would hide the health components and details from everyone: there they are shown to
 * anyone. They hold nothing secret (the simulator's URL, its demo user, the check's time and latency). With an
 * issuer, or against a real environment, the configured visibility stays as it is.
 */
final class HealthShownToEveryone implements HealthEndpointGroupsPostProcessor {

    private final CallerAuthentication callers;

    HealthShownToEveryone(CallerAuthentication callers) {
        this.callers = callers;
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        return callers == CallerAuthentication.OPEN_DEMO ? new Groups(groups) : groups;
    }

    /** The same groups, each showing its components and details to every caller. */
    private record Groups(HealthEndpointGroups groups) implements HealthEndpointGroups, AdditionalPathsMapper {

        @Override
        public HealthEndpointGroup getPrimary() {
            return new Shown(groups.getPrimary());
        }

        @Override
        public Set<String> getNames() {
            return groups.getNames();
        }

        @Override
        public @Nullable HealthEndpointGroup get(String name) {
            HealthEndpointGroup group = groups.get(name);
            return group == null ? null : new Shown(group);
        }

        @Override
        public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace namespace) {
            return groups instanceof AdditionalPathsMapper mapper
                    ? mapper.getAdditionalPaths(endpointId, namespace)
                    : null;
        }
    }

    private record Shown(HealthEndpointGroup group) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return group.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return true;
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return true;
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return group.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return group.getHttpCodeStatusMapper();
        }

        @Override
        public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
            return group.getAdditionalPath();
        }
    }
}
