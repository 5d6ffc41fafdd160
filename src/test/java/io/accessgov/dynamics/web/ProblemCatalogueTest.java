package io.accessgov.dynamics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/problems.md documents every problem kind and every business-rule code answered with 409. */
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
    void documentsEveryConflictCode() {
        DataverseProblems.CONFLICT_CODES.keySet().forEach(code -> assertThat(page.toLowerCase(Locale.ROOT))
                .contains("`" + code + "`"));
    }

    @Test
    void typesAreStableUrns() {
        for (ProblemKind kind : ProblemKind.values()) {
            assertThat(kind.type()).hasToString("urn:dynamics365-connector:problem:" + kind.slug());
            assertThat(kind.title()).doesNotEndWith(".").matches("[A-Z].*");
        }
    }
}
