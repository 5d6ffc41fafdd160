package io.accessgov.dynamics.account;

import io.accessgov.dynamics.dataverse.AccessMode;
import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.environment.Environment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account as the API shows it (docs/api.md §3): a Dataverse {@code systemuser} with its classification.
 *
 * @param id the Dataverse user id ({@code systemuserid}), lower-case
 * @param displayName the full name ({@code fullname})
 * @param username the user name ({@code domainname}); for Entra users the UPN
 * @param email the primary email ({@code internalemailaddress})
 * @param entraObjectId the Entra object id of the user or service principal
 * @param applicationId the Entra application (client) id; set for application users only
 */
@Schema(description = "A Dataverse user (systemuser) with its identity-governance classification.")
public record Account(
        @Schema(example = "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d")
        UUID id,

        @Schema(example = "Jane Doe", nullable = true) @Nullable
        String displayName,

        @Schema(example = "Jane", nullable = true) @Nullable String firstName,
        @Schema(example = "Doe", nullable = true) @Nullable String lastName,

        @Schema(example = "jane.doe@contoso.com", nullable = true) @Nullable
        String username,

        @Schema(example = "jane.doe@contoso.com", nullable = true) @Nullable
        String email,

        AccountStatus status,
        AccountType accountType,
        AccessMode accessMode,
        BusinessUnitRef businessUnit,

        @Schema(example = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", nullable = true) @Nullable
        UUID entraObjectId,

        @Schema(nullable = true) @Nullable UUID applicationId,
        @Schema(example = "true") boolean licensed,

        @Schema(example = "Account Manager", nullable = true) @Nullable
        String title,

        @Schema(example = "2024-03-15T16:21:50Z", nullable = true) @Nullable
        Instant createdAt,

        @Schema(example = "2024-03-15T16:21:58Z", nullable = true) @Nullable
        Instant modifiedAt) {

    /**
     * The user as this environment's API shows it, or empty when the environment's system-account toggle hides the
     * user's type (docs/api.md §3): such a user does not exist for the API.
     */
    public static Optional<Account> in(Environment environment, SystemUser user) {
        return environment.shows(user)
                ? Optional.of(of(user, environment.classifier().classify(user)))
                : Optional.empty();
    }

    /** The account of a Dataverse user classified as {@code type}. */
    public static Account of(SystemUser user, AccountType type) {
        return new Account(
                user.id(),
                user.fullName(),
                user.firstName(),
                user.lastName(),
                user.domainName(),
                user.email(),
                user.disabled() ? AccountStatus.DISABLED : AccountStatus.ENABLED,
                type,
                user.accessMode(),
                new BusinessUnitRef(user.businessUnitId(), user.businessUnitName()),
                user.entraObjectId(),
                user.applicationId(),
                user.licensed(),
                user.title(),
                user.createdOn(),
                user.modifiedOn());
    }

    /**
     * The business unit an account belongs to.
     *
     * @param name the business unit's name, as Dataverse formats the lookup
     */
    public record BusinessUnitRef(
            @Schema(example = "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d")
            UUID id,

            @Schema(example = "Sales", nullable = true) @Nullable
            String name) {}
}
