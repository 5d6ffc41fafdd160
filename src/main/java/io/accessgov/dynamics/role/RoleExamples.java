package io.accessgov.dynamics.role;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §4. */
final class RoleExamples {

    private static final String FIELDS = """
            "id": "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19", "name": "Salesperson",
             "description": "Grants access to the core sales records.",
             "businessUnit": {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "name": "Contoso"},
             "managed": true, "autoAssigned": false, "inheritance": "DIRECT_USER_AND_TEAM_PRIVILEGES"\
            """;

    static final String ROLE = "{" + FIELDS + """
            ,
             "copies": [
              {"roleId": "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19",
               "businessUnitId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
              {"roleId": "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716",
               "businessUnitId": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d"}]}
            """;

    static final String PAGE =
            "{\"items\": [{" + FIELDS + "}]," + " \"nextPageToken\": \"AXd8pQ2vR1s0Yk3fM9cE7nJq4LbT6uHzWgXyVaOi5rSe\"}";

    static final String NOT_FOUND = """
            {"type": "urn:dynamics365-connector:problem:role-not-found", "title": "Security role not found",
             "status": 404, "detail": "There is no security role with id 0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19.",
             "instance": "/api/v1/roles/0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19"}
            """;

    private RoleExamples() {}
}
