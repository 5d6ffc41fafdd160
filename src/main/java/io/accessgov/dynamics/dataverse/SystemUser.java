package io.accessgov.dynamics.dataverse;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Dataverse user ({@code systemuser}) with the columns the service reads.
 *
 * @param businessUnitName the business unit's name, taken from the lookup's formatted value
 * @param azureState 0 exists in Entra, 1 soft deleted, 2 not found or hard deleted
 * @param systemManagedUserType 0 Entra user, 1 C2 user, 2 impersonable stub user; null where the column is missing
 */
public record SystemUser(
        UUID id,
        @Nullable String fullName,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String domainName,
        @Nullable String email,
        boolean disabled,
        AccessMode accessMode,
        @Nullable UUID entraObjectId,
        @Nullable UUID applicationId,
        UUID businessUnitId,
        @Nullable String businessUnitName,
        boolean licensed,
        boolean syncWithDirectory,
        boolean integrationUser,
        int azureState,
        @Nullable Integer systemManagedUserType,
        @Nullable String title,
        @Nullable Instant createdOn,
        @Nullable Instant modifiedOn) {}
