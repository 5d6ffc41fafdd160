package io.accessgov.dynamics.dataverse;

/**
 * Where the next page of a Dataverse query is. Opaque outside this package: callers keep it (for example inside a
 * page token) and hand it back to {@link DataverseClient}, which checks that it still points into the configured
 * environment before following it.
 *
 * @param link the link exactly as Dataverse returned it
 * @param pageSize the page size the query was started with (Dataverse expects it on every follow-up)
 */
public record Continuation(String link, int pageSize) {}
