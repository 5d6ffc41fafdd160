package io.accessgov.dynamics.simulator;

/** The kinds of column the simulator's tables hold, with the EDM type name Dataverse reports for each. */
enum ColumnType {
    GUID("Edm.Guid"),
    STRING("Edm.String"),
    INT("Edm.Int32"),
    BIGINT("Edm.Int64"),
    BOOL("Edm.Boolean"),
    DATETIME("Edm.DateTimeOffset"),
    LOOKUP("Edm.Guid"),
    COMPLEX("Microsoft.Dynamics.CRM.BooleanManagedProperty"),
    PRIVILEGES("Collection(Microsoft.Dynamics.CRM.SecurityPrivilegeMetadata)");

    private final String edmName;

    ColumnType(String edmName) {
        this.edmName = edmName;
    }

    String edmName() {
        return edmName;
    }
}
