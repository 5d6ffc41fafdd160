package io.accessgov.dynamics.account;

import io.accessgov.dynamics.dataverse.AccessMode;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.SystemUser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Test fixtures: Dataverse users and settings. */
final class Users {

    static final UUID SALES = UUID.fromString("7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d");

    private Users() {}

    static SystemUser jane() {
        return new SystemUser(
                UUID.fromString("2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"),
                "Jane Doe",
                "Jane",
                "Doe",
                "jane.doe@contoso.com",
                "jane.doe@contoso.com",
                false,
                AccessMode.READ_WRITE,
                UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"),
                null,
                SALES,
                "Sales",
                true,
                true,
                false,
                0,
                0,
                "Account Manager",
                Instant.parse("2024-03-15T16:21:50Z"),
                Instant.parse("2024-03-15T16:21:58Z"));
    }

    static SystemUser application(String name) {
        return new SystemUser(
                UUID.nameUUIDFromBytes(name.getBytes()),
                "# " + name,
                "#",
                name,
                name + "@contoso.com",
                null,
                false,
                AccessMode.NON_INTERACTIVE,
                UUID.randomUUID(),
                UUID.randomUUID(),
                SALES,
                "Sales",
                false,
                false,
                false,
                0,
                0,
                null,
                null,
                null);
    }

    static DynamicsProperties settings(boolean includeSystemAccounts) {
        return new DynamicsProperties(
                null,
                null,
                null,
                null,
                URI.create("https://login.microsoftonline.com"),
                includeSystemAccounts,
                Set.of(),
                new DynamicsProperties.Http(
                        16,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        6,
                        Duration.ofSeconds(60),
                        Duration.ofMinutes(5),
                        new DynamicsProperties.Background(30, Duration.ofMinutes(15))),
                new DynamicsProperties.Simulator(0));
    }
}
