package io.accessgov.dynamics.simulator;

/**
 * A Dataverse managed property, serialised as
 * {@code {"Value":…,"CanBeChanged":…,"ManagedPropertyLogicalName":…}}.
 */
record ManagedProperty(boolean value, boolean canBeChanged, String logicalName) {}
