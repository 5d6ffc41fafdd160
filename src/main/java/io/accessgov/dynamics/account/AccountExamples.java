package io.accessgov.dynamics.account;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §3. */
public final class AccountExamples {

    public static final String ACCOUNT = """
            {"id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d", "displayName": "Jane Doe", "firstName": "Jane",
             "lastName": "Doe", "username": "jane.doe@contoso.com", "email": "jane.doe@contoso.com",
             "status": "ENABLED", "accountType": "HUMAN", "accessMode": "READ_WRITE",
             "businessUnit": {"id": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "name": "Sales"},
             "entraObjectId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "applicationId": null,
             "licensed": true, "title": "Account Manager",
             "createdAt": "2024-03-15T16:21:50Z", "modifiedAt": "2024-03-15T16:21:58Z"}
            """;

    static final String PAGE =
            "{\"items\": [" + ACCOUNT + "]," + " \"nextPageToken\": \"AXd8pQ2vR1s0Yk3fM9cE7nJq4LbT6uHzWgXyVaOi5rSe\"}";

    private AccountExamples() {}
}
