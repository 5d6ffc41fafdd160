/**
 * The embedded Dataverse simulator: a Dataverse Web API environment and an Entra-shaped token endpoint on 127.0.0.1,
 * reachable only over HTTP, for demo mode and tests. Start it with {@link
 * io.accessgov.dynamics.simulator.DataverseSimulator#start(io.accessgov.dynamics.simulator.SimulatorOptions)};
 * drive it with {@code behaviour()}, {@code faults()}, {@code tokens()}, {@code state()} and {@code requests()}.
 * It depends on nothing else in this service.
 */
@NullMarked
package io.accessgov.dynamics.simulator;

import org.jspecify.annotations.NullMarked;
