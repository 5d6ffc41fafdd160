package io.accessgov.dynamics.endtoend;

import io.accessgov.dynamics.simulator.Behaviour;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorState;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The simulator's three link tables at one moment, to compare with later ("exactly the intended change and nothing
 * else") and to put back after a test, so tests sharing one simulator do not see each other's changes.
 */
record SimulatorLinks(Set<Link> userRoles, Set<Link> memberships, Set<Link> teamRoles) {

    static SimulatorLinks of(SimulatorState state) {
        return new SimulatorLinks(state.userRoles(), state.memberships(), state.teamRoles());
    }

    /** What changed since this snapshot. */
    Change since(SimulatorState state) {
        SimulatorLinks now = of(state);
        return new Change(
                minus(now.userRoles, userRoles),
                minus(userRoles, now.userRoles),
                minus(now.memberships, memberships),
                minus(memberships, now.memberships),
                minus(now.teamRoles, teamRoles),
                minus(teamRoles, now.teamRoles));
    }

    /** Puts the links back as they were, and the simulator's switches and faults to their defaults. */
    void restore(DataverseSimulator simulator) {
        SimulatorState state = simulator.state();
        Change change = since(state);
        change.addedUserRoles().forEach(link -> state.removeUserRole(link.left(), link.right()));
        change.removedUserRoles().forEach(link -> state.addUserRole(link.left(), link.right()));
        change.addedMemberships().forEach(link -> state.removeMembership(link.left(), link.right()));
        change.removedMemberships().forEach(link -> state.addMembership(link.left(), link.right()));
        change.addedTeamRoles().forEach(link -> state.removeTeamRole(link.left(), link.right()));
        change.removedTeamRoles().forEach(link -> state.addTeamRole(link.left(), link.right()));
        simulator.faults().clear();
        simulator
                .behaviour()
                .privilegeDenied(false)
                .ownershipAcrossBusinessUnits(false)
                .duplicateLink(Behaviour.DuplicateLink.REJECT)
                .missingLink(Behaviour.MissingLink.IGNORE);
    }

    private static Set<Link> minus(Set<Link> a, Set<Link> b) {
        Set<Link> difference = new LinkedHashSet<>(a);
        difference.removeAll(b);
        return difference;
    }

    /** Links added and removed, per table. */
    record Change(
            Set<Link> addedUserRoles,
            Set<Link> removedUserRoles,
            Set<Link> addedMemberships,
            Set<Link> removedMemberships,
            Set<Link> addedTeamRoles,
            Set<Link> removedTeamRoles) {

        static final Change NONE = new Change(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        static Change userRoleAdded(Link link) {
            return new Change(Set.of(link), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        }

        static Change userRoleRemoved(Link link) {
            return new Change(Set.of(), Set.of(link), Set.of(), Set.of(), Set.of(), Set.of());
        }

        static Change membershipAdded(Link link) {
            return new Change(Set.of(), Set.of(), Set.of(link), Set.of(), Set.of(), Set.of());
        }

        static Change membershipRemoved(Link link) {
            return new Change(Set.of(), Set.of(), Set.of(), Set.of(link), Set.of(), Set.of());
        }

        static Change teamRoleAdded(Link link) {
            return new Change(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(link), Set.of());
        }

        static Change teamRoleRemoved(Link link) {
            return new Change(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(link));
        }
    }
}
