package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.account.AccountExamples;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §10. */
final class FieldSecurityExamples {

    static final String PROFILE = """
            {"id": "5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", "name": "Identity Verification",
             "description": "Reads government ids in clear to verify a customer's identity.", "managed": false,
             "permissions": [{"table": "contact", "column": "governmentid", "read": true, "readUnmasked": true,
               "create": false, "update": false}]}
            """;

    static final String PAGE = "{\"items\": [" + PROFILE + "], \"nextPageToken\": null}";

    static final String NOT_FOUND = """
            {"type": "urn:dynamics365-connector:problem:field-security-profile-not-found",
             "title": "Field security profile not found", "status": 404,
             "detail": "There is no field security profile with id 5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b.",
             "instance": "/api/v1/field-security-profiles/5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"}
            """;

    static final String COLUMN_ACCESS_PAGE = "{\"items\": [{\"account\": " + AccountExamples.ACCOUNT + """
            , "sources": [
              {"profile": {"id": "5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", "name": "Identity Verification"},
               "via": {"type": "team", "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "displayName": "Service Escalations"}}]}],
             "nextPageToken": null}
            """;

    static final String NOT_SECURED = """
            {"type": "urn:dynamics365-connector:problem:invalid-parameter", "title": "Invalid request parameter",
             "status": 400, "detail": "No field security profile names the column 'fullname' of 'contact': it is not a\
             secured column (or does not exist), so column security does not decide who reads it;\
             GET /api/v1/privilege-holders?table=contact&access=READ answers that.",
             "instance": "/api/v1/column-access"}
            """;

    private FieldSecurityExamples() {}
}
