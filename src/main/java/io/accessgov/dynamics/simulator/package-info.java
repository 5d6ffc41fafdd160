/**
 * The embedded Dataverse simulator: a Dataverse Web API environment and an Entra-shaped token endpoint on 127.0.0.1,
 * reachable only over HTTP, for demo mode and tests. It serves users, business units, roles, teams and their links;
 * privileges and role privileges; field security profiles, their column permissions and memberships; the table
 * definitions ({@code EntityDefinitions}); and change tracking with delta links on every entity set. Start it with
 * {@link io.accessgov.dynamics.simulator.DataverseSimulator#start(io.accessgov.dynamics.simulator.SimulatorOptions)};
 * drive it with {@code behaviour()}, {@code faults()}, {@code tokens()}, {@code state()} and {@code requests()}.
 * It depends on nothing else in this service.
 */
@NullMarked
package io.accessgov.dynamics.simulator;

import org.jspecify.annotations.NullMarked;
