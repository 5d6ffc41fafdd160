package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.account.AccountExamples;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §10. */
final class PrivilegeExamples {

    static final String ROLE_PAGE = """
            {"items": [
              {"privilegeId": "2d7f3d1e-8c5b-4e0f-9b6a-1c2d3e4f5a6b", "name": "prvDeleteAccount",
               "table": "account", "access": "DELETE", "depth": "ORGANIZATION"},
              {"privilegeId": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "name": "prvExportToExcel",
               "table": null, "access": null, "depth": "ORGANIZATION"}],
             "nextPageToken": null}
            """;

    private static final String STEWARD_SOURCE = """
            {"role": {"id": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "name": "Data Steward"},
                 "depth": "ORGANIZATION",
                 "via": {"type": "team", "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "displayName": "Data Quality"}}\
            """;

    static final String ACCOUNT_PAGE = """
            {"items": [
              {"privilegeId": "2d7f3d1e-8c5b-4e0f-9b6a-1c2d3e4f5a6b", "name": "prvDeleteAccount",
               "table": "account", "access": "DELETE", "depth": "ORGANIZATION",
               "sources": [
                {"role": {"id": "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19", "name": "Salesperson"}, "depth": "USER",
                 "via": {"type": "direct"}},
                """ + STEWARD_SOURCE + """
            ,
                {"role": {"id": "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b", "name": "Queue Worker"}, "depth": "USER",
                 "via": {"type": "team", "id": "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c", "displayName": "Support"},
                 "scope": "TEAM_OWNED_RECORDS"}]}],
             "nextPageToken": null}
            """;

    static final String HOLDER_PAGE = "{\"items\": [{\"account\": " + AccountExamples.ACCOUNT
            + ", \"depth\": \"ORGANIZATION\", \"sources\": [" + STEWARD_SOURCE + "]}], \"nextPageToken\": null}";

    static final String UNKNOWN_TABLE = """
            {"type": "urn:dynamics365-connector:problem:invalid-parameter", "title": "Invalid request parameter",
             "status": 400, "detail": "This environment has no table with the logical name 'acount'.",
             "instance": "/api/v1/privilege-holders"}
            """;

    private PrivilegeExamples() {}
}
