package io.accessgov.dynamics.team;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §4. */
final class TeamExamples {

    static final String OWNER_TEAM = """
            {"id": "4c3b2a19-0f8e-4d7c-8b6a-594837261504", "name": "Sales EMEA", "type": "OWNER",
             "businessUnit": {"id": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "name": "Sales"},
             "defaultBusinessUnitTeam": false, "membershipManagedBy": "DATAVERSE",
             "entraObjectId": null, "membershipType": null,
             "administrator": {"id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"},
             "description": "Sales team for Europe, the Middle East and Africa."}
            """;

    static final String ENTRA_TEAM = """
            {"id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d", "name": "Sales (Entra group)",
             "type": "ENTRA_SECURITY_GROUP",
             "businessUnit": {"id": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "name": "Sales"},
             "defaultBusinessUnitTeam": false, "membershipManagedBy": "ENTRA_GROUP",
             "entraObjectId": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "membershipType": "MEMBERS_AND_GUESTS",
             "administrator": {"id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"},
             "description": "Members of the Entra group Sales."}
            """;

    static final String PAGE = "{\"items\": [" + OWNER_TEAM + ", " + ENTRA_TEAM + "],"
            + " \"nextPageToken\": \"AXd8pQ2vR1s0Yk3fM9cE7nJq4LbT6uHzWgXyVaOi5rSe\"}";

    static final String NOT_FOUND = """
            {"type": "urn:dynamics365-connector:problem:team-not-found", "title": "Team not found", "status": 404,
             "detail": "There is no team with id 4c3b2a19-0f8e-4d7c-8b6a-594837261504.",
             "instance": "/api/v1/teams/4c3b2a19-0f8e-4d7c-8b6a-594837261504"}
            """;

    private TeamExamples() {}
}
