package io.accessgov.dynamics.grant;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §5. */
final class GrantExamples {

    static final String ROLE_GRANT = """
            {"id": "role:0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2:assigned:account:2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d",
             "resource": {"type": "role", "id": "0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2", "displayName": "Salesperson"},
             "entitlement": "assigned",
             "principal": {"type": "account", "id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d", "displayName": "Jane Doe"},
             "sources": [{"type": "direct"},
                         {"type": "team", "id": "5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "displayName": "Sales EMEA"}],
             "revocable": true}
            """;

    static final String MEMBERSHIP_GRANT = """
            {"id": "team:5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d:member:account:2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d",
             "resource": {"type": "team", "id": "5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "displayName": "Sales EMEA"},
             "entitlement": "member",
             "principal": {"type": "account", "id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d", "displayName": "Jane Doe"},
             "sources": [{"type": "direct"}],
             "revocable": true}
            """;

    static final String REQUEST = """
            {"resourceType": "role", "resourceId": "0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2",
             "principalType": "account", "principalId": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"}
            """;

    static final String PROFILE_REQUEST = """
            {"resourceType": "field-security-profile", "resourceId": "5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
             "principalType": "team", "principalId": "5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d"}
            """;

    static final String PROFILE_GRANT = """
            {"id": "field-security-profile:5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b:member:account:\
            2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d",
             "resource": {"type": "field-security-profile", "id": "5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                          "displayName": "Identity Verification"},
             "entitlement": "member",
             "principal": {"type": "account", "id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d", "displayName": "Jane Doe"},
             "sources": [{"type": "team", "id": "5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "displayName": "Sales EMEA"}],
             "revocable": false}
            """;

    static final String PAGE = "{\"items\": [" + PROFILE_GRANT + ", " + ROLE_GRANT + ", " + MEMBERSHIP_GRANT + "],"
            + " \"nextPageToken\": null}";

    private GrantExamples() {}
}
