package io.accessgov.dynamics.identity;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §9. */
final class IdentityExamples {

    private static final String ACCOUNT = """
            {"id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d", "displayName": "Megan Bowen", "firstName": "Megan",
             "lastName": "Bowen", "username": "megan.bowen@contoso.com", "email": "megan.bowen@contoso.com",
             "status": "ENABLED", "accountType": "HUMAN", "accessMode": "READ_WRITE",
             "businessUnit": {"id": "4c8d2e1f-3a5b-4c6d-8e9f-0a1b2c3d4e5f", "name": "contoso"},
             "entraObjectId": "9d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "applicationId": null, "licensed": true,
             "title": "Sales lead",
             "createdAt": "2024-03-15T16:21:58Z", "modifiedAt": "2024-03-15T16:21:58Z"}""";

    private static final String GRANT = """
            {"id": "role:0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2:assigned:account:2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d",
             "resource": {"type": "role", "id": "0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2", "displayName": "Salesperson"},
             "entitlement": "assigned",
             "principal": {"type": "account", "id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d",
                           "displayName": "Megan Bowen"},
             "sources": [{"type": "direct"}], "revocable": true}""";

    private static final String UNAVAILABLE = """
            {"type": "urn:dynamics365-connector:problem:dataverse-unavailable", "title": "Dataverse is unavailable",
             "status": 503, "detail": "Dataverse could not be reached or kept failing; try again later.",
             "environment": "contoso-sandbox"}""";

    static final String IDENTITY = "{\"entraObjectId\": \"9d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a\",\n"
            + " \"environments\": [\n"
            + "  {\"environment\": \"contoso\", \"account\": " + ACCOUNT + ",\n   \"grants\": [" + GRANT + "]},\n"
            + "  {\"environment\": \"contoso-sandbox\", \"problem\": " + UNAVAILABLE + "}]}";

    static final String ROLE_HOLDERS = """
            {"items": [
              {"environment": "contoso-sandbox",
               "grant": {"id": "role:6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b:assigned:account:7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f",
                         "resource": {"type": "role", "id": "6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b",
                                      "displayName": "System Administrator"},
                         "entitlement": "assigned",
                         "principal": {"type": "account", "id": "7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f",
                                       "displayName": "Cameron White"},
                         "sources": [{"type": "direct"}], "revocable": true}}],
             "nextPageToken": null,
             "unavailable": []}""";

    static final String NOT_FOUND = """
            {"type": "urn:dynamics365-connector:problem:identity-not-found", "title": "No account of this person",
             "status": 404,
             "detail": "No account with Entra object id 9d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a exists in any of the 2 environments the service governs (system accounts count only where the environment's toggle includes them).",
             "instance": "/api/v1/identities/9d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"}""";

    private IdentityExamples() {}
}
