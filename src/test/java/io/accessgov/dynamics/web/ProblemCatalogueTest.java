package io.accessgov.dynamics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/problems.md documents every problem kind (its table of Dataverse's rule codes is checked in
 * {@code dataverse.internal.ErrorCodesTest}, where the codes are).
 */
class ProblemCatalogueTest {

    private final String page = read();

    private static String read() {
        try {
            return Files.readString(Path.of("docs/problems.md"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void documentsEveryKindWithItsStatus() {
        for (ProblemKind kind : ProblemKind.values()) {
            String row = "| `" + kind.slug() + "` | ";
            assertThat(page).as(kind.slug()).contains(row);
            if (kind != ProblemKind.REQUEST_REFUSED) {
                assertThat(page).as(kind.slug()).contains(row + kind.status().value() + " |");
            }
        }
    }

    @Test
    void typesAreStableUrns() {
        for (ProblemKind kind : ProblemKind.values()) {
            assertThat(kind.type()).hasToString("urn:dynamics365-connector:problem:" + kind.slug());
            assertThat(kind.title()).doesNotEndWith(".").matches("[A-Z].*");
        }
    }
}
