package io.accessgov.dynamics.sync;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §8. */
final class SyncExamples {

    static final String RUNNING = """
            {"id": "3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59", "environment": "contoso", "status": "RUNNING",
             "mode": "INCREMENTAL", "startedAt": "2026-11-26T05:00:00Z", "finishedAt": null,
             "progress": [{"table": "systemusers", "rows": 15000, "pages": 3, "done": false}],
             "counts": {"businessUnits": 0, "accounts": 0, "roles": 0, "teams": 0, "grants": 0},
             "dataverseRequests": 4, "throttledWaitMillis": 0,
             "fallback": "teamrolescollection: its change token expired (Dataverse keeps changes for a limited time).",
             "problem": null}
            """;

    static final String REQUEST = """
            {"mode": "INCREMENTAL"}
            """;

    static final String PAGE = "{\"items\": [" + RUNNING + "], \"nextPageToken\": null}";

    static final String EXPORT = """
            {"kind":"business-unit","id":"7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d","name":"Contoso","parentId":null,\
            "disabled":false}
            {"kind":"grant","id":"team:5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d:member:account:\
            2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d","resource":{"type":"team","id":"5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",\
            "displayName":"Sales EMEA"},"entitlement":"member","principal":{"type":"account",\
            "id":"2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d","displayName":"Jane Doe"},"sources":[{"type":"direct"}],\
            "revocable":true}
            """;

    static final String CHANGES = """
            {"change":"changed","kind":"business-unit","id":"7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d",\
            "object":{"id":"7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d","name":"Contoso Ltd","parentId":null,\
            "disabled":false}}
            {"change":"removed","kind":"grant","id":"team:5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d:member:account:\
            2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d","object":{"id":"team:5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d:member:\
            account:2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d","resource":{"type":"team",\
            "id":"5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d","displayName":"Sales EMEA"},"entitlement":"member",\
            "principal":{"type":"account","id":"2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d","displayName":"Jane Doe"},\
            "sources":[{"type":"direct"}],"revocable":true}}
            """;

    static final String ALREADY_RUNNING = """
            {"type": "urn:dynamics365-connector:problem:sync-already-running", "title": "A sync is already running",
             "status": 409, "detail": "Sync 3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59 is running; follow it at\
             /api/v1/syncs/3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59.", "instance": "/api/v1/syncs",
             "runningSyncId": "3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59"}
            """;

    static final String NOT_SUCCEEDED = """
            {"type": "urn:dynamics365-connector:problem:sync-not-succeeded",
             "title": "The sync has no complete snapshot", "status": 409,
             "detail": "Sync 3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59 is FAILED and has no snapshot; start a new sync.",
             "instance": "/api/v1/syncs/3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59/export",
             "syncId": "3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59", "syncStatus": "FAILED"}
            """;

    static final String NOT_FOUND = """
            {"type": "urn:dynamics365-connector:problem:sync-not-found", "title": "Sync not found", "status": 404,
             "detail": "No sync 3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59 is kept; GET /api/v1/syncs lists the syncs kept.",
             "instance": "/api/v1/syncs/3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59"}
            """;

    private SyncExamples() {}
}
