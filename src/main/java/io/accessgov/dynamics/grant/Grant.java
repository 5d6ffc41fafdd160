package io.accessgov.dynamics.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who has what (docs/api.md §5): one (resource, entitlement, principal) with every reason it is held.
 *
 * @param id {@code {resourceType}:{resourceId}:{entitlement}:{principalType}:{principalId}}
 * @param sources {@code direct} and/or one entry per team through which an account inherits a role
 * @param revocable false when nothing this service can do removes it
 */
public record Grant(
        String id, Ref resource, String entitlement, Ref principal, List<Source> sources, boolean revocable) {

    public Grant {
        sources = List.copyOf(sources);
    }

    /** A resource or principal of a grant. */
    public record Ref(String type, String id, @Nullable String displayName) {}

    /** Why a grant is held: {@code direct}, or a team it comes through. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(
            String type, @Nullable String id, @Nullable String displayName) {

        /** Held directly. */
        public static final Source DIRECT = new Source("direct", null, null);

        /** Held through this team. */
        public static Source team(String id, @Nullable String displayName) {
            return new Source("team", id, displayName);
        }

        boolean isDirect() {
            return type.equals("direct");
        }
    }
}
