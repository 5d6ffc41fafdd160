package io.accessgov.dynamics.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.grant.Grant;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One person across every environment (docs/api.md §9): each account with their Entra object id, with everything it
 * holds there.
 */
@Schema(description = "Every account of one person (one Entra object id) in every environment, with its grants.")
record Identity(
        @Schema(format = "uuid", example = "9d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a")
        UUID entraObjectId,

        @Schema(
                description = "One entry per account, in environment name order; an environment that could not be"
                        + " read appears once, with its problem instead of an account.")
        List<InEnvironment> environments) {

    Identity {
        environments = List.copyOf(environments);
    }

    /** An account in one environment and what it holds there, or why that environment could not be read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "IdentityInEnvironment",
            description = "An account of the person in one environment with its grants; or, instead of both, the"
                    + " problem that kept the environment from being read.")
    record InEnvironment(
            @Schema(example = "contoso") String environment,

            @Schema(
                    description = "The account (as GET /accounts/{id} of that environment answers it); absent with"
                            + " a problem.")
            @Nullable
            Account account,

            @Schema(
                    description = "Everything the account holds there, direct and inherited, as GET /grants of that"
                            + " environment answers it; absent with a problem.")
            @Nullable
            List<Grant> grants,

            @Schema(
                    description = "Why the environment could not be read (an RFC 9457 problem naming it);"
                            + " absent when it was.",
                    ref = "#/components/schemas/Problem")
            @Nullable
            Map<String, Object> problem) {

        static InEnvironment of(String environment, Account account, List<Grant> grants) {
            return new InEnvironment(environment, account, List.copyOf(grants), null);
        }

        static InEnvironment unavailable(String environment, Map<String, Object> problem) {
            return new InEnvironment(environment, null, null, problem);
        }
    }
}
