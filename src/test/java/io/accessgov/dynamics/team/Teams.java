package io.accessgov.dynamics.team;

import io.accessgov.dynamics.dataverse.EntraMembershipType;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamType;
import java.util.UUID;

/** Teams of every kind as the Dataverse client hands them out. */
final class Teams {

    static final UUID SALES_UNIT = UUID.fromString("7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d");
    static final UUID ADMINISTRATOR = UUID.fromString("2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d");
    static final UUID ENTRA_GROUP = UUID.fromString("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    private Teams() {}

    static Team salesEmea() {
        return new Team(
                UUID.fromString("4c3b2a19-0f8e-4d7c-8b6a-594837261504"),
                "Sales EMEA",
                TeamType.OWNER,
                SALES_UNIT,
                "Sales",
                false,
                null,
                null,
                ADMINISTRATOR,
                "Sales team for Europe, the Middle East and Africa.");
    }

    static Team salesDefaultTeam() {
        return new Team(
                UUID.fromString("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"),
                "Sales",
                TeamType.OWNER,
                SALES_UNIT,
                "Sales",
                true,
                null,
                null,
                ADMINISTRATOR,
                "Default team of the Sales business unit.");
    }

    static Team entraGroupTeam(TeamType type, EntraMembershipType membershipType) {
        return new Team(
                UUID.fromString("8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d"),
                "Sales (Entra group)",
                type,
                SALES_UNIT,
                "Sales",
                false,
                ENTRA_GROUP,
                membershipType,
                ADMINISTRATOR,
                null);
    }

    /** An access team whose row carries a membership type although only Entra group teams have one. */
    static Team accessTeamWithStrayMembershipType() {
        return new Team(
                UUID.fromString("6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"),
                "Key accounts",
                TeamType.ACCESS,
                SALES_UNIT,
                "Sales",
                false,
                null,
                EntraMembershipType.MEMBERS_AND_GUESTS,
                null,
                null);
    }
}
