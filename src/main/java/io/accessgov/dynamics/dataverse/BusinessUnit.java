package io.accessgov.dynamics.dataverse;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Dataverse business unit ({@code businessunit}).
 *
 * @param parentId the parent business unit; null only for the root
 */
public record BusinessUnit(UUID id, String name, @Nullable UUID parentId, boolean disabled) {}
