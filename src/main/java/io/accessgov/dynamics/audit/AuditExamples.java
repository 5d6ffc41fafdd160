package io.accessgov.dynamics.audit;

/** Examples for the OpenAPI document. */
final class AuditExamples {

    static final String PAGE = """
            {"items": [{"id": 1042, "occurredAt": "2026-11-26T05:32:32.735Z", "environment": "contoso",
              "action": "grant",
              "grantId": "role:0b5c2f1e-7d4a-4c3b-9e8f-1a2b3c4d5e6f:assigned:account:2b7e9c1d-3f4a-4b5c-8d6e-7f8091a2b3c4",
              "resourceId": "0b5c2f1e-7d4a-4c3b-9e8f-1a2b3c4d5e6f", "principalId": "2b7e9c1d-3f4a-4b5c-8d6e-7f8091a2b3c4",
              "outcome": "created", "status": 201, "caller": "6a1f0c2e-iga-service", "callerClient": "iga-platform",
              "dataverseRequestId": "24fae684-1c03-444a-a119-91087e4ffdfe",
              "correlationId": "da958d91-14ac-4c8d-b9dd-4eed3c698ffb", "durationMillis": 248, "reason": null}],
             "nextPageToken": null}""";

    private AuditExamples() {}
}
