package io.accessgov.dynamics.dataverse;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A field security profile (docs/dataverse.md §15): organisation-wide, it grants access to secured columns. */
public record FieldSecurityProfile(
        UUID id, String name, @Nullable String description, boolean managed) {}
