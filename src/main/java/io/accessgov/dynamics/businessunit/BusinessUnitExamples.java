package io.accessgov.dynamics.businessunit;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §4. */
final class BusinessUnitExamples {

    static final String ROOT = """
            {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "name": "Contoso", "parentId": null, "disabled": false}
            """;

    static final String BUSINESS_UNIT = """
            {"id": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "name": "Sales",
             "parentId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "disabled": false}
            """;

    static final String PAGE = "{\"items\": [" + ROOT + ", " + BUSINESS_UNIT + "],"
            + " \"nextPageToken\": \"AXd8pQ2vR1s0Yk3fM9cE7nJq4LbT6uHzWgXyVaOi5rSe\"}";

    static final String NOT_FOUND = """
            {"type": "urn:dynamics365-connector:problem:business-unit-not-found", "title": "Business unit not found",
             "status": 404, "detail": "There is no business unit with id 7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d.",
             "instance": "/api/v1/business-units/7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d"}
            """;

    private BusinessUnitExamples() {}
}
