package io.accessgov.dynamics.environment;

/** Examples for the OpenAPI document, shaped exactly like docs/api.md §9. */
final class EnvironmentExamples {

    static final String ONE = """
            {"name": "contoso", "environmentUrl": "https://contoso.crm.dynamics.com", "default": true,
             "mode": "live", "status": "UP", "detail": null}""";

    static final String LIST = """
            {"items": [
              {"name": "contoso", "environmentUrl": "https://contoso.crm.dynamics.com", "default": true,
               "mode": "live", "status": "UP", "detail": null},
              {"name": "contoso-sandbox", "environmentUrl": "https://contoso-sandbox.crm4.dynamics.com",
               "default": false, "mode": "live", "status": "DOWN",
               "detail": "Entra refused the client secret (AADSTS7000215)."}]}""";

    private EnvironmentExamples() {}
}
