package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.accessgov.dynamics.dataverse.ChangeToken;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.RowChange;
import io.accessgov.dynamics.dataverse.UserProfileLink;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The delta state kept with a snapshot (docs/api.md §11): written, read back, continued, and refused when damaged. */
class DeltaStateTest {

    private static final UUID UNIT = UUID.fromString("a1b20000-0000-0000-0000-000000000001");
    private static final UUID LINK = UUID.fromString("5e5e0000-0000-0000-0000-000000000001");
    private static final UUID USER = UUID.fromString("0a5e0000-0000-0000-0000-000000000001");
    private static final UUID ROLE = UUID.fromString("0b5c0000-0000-0000-0000-000000000001");
    private static final UUID PROFILE = UUID.fromString("0f5e0000-0000-0000-0000-000000000001");

    @TempDir
    Path work;

    private final Map<DataverseTable<?>, RowCodec<?>> codecs =
            RowCodec.all(JsonMapper.builder().build());

    @Test
    void everyRowComesBackUnderItsKeyWithItsTablesToken() throws IOException {
        byte[] state = state();

        Map<String, StateSection> sections = DeltaState.read(new ByteArrayInputStream(state), work, "before", true);

        assertThat(sections.keySet()).containsExactly("businessunits", "systemuserrolescollection");
        assertThat(sections.get("businessunits").token()).isEqualTo(new ChangeToken("units-token"));
        assertThat(sections.get("systemuserrolescollection").token()).isNull();
        assertThat(rows(sections.get("businessunits"), codec(DataverseTable.BUSINESS_UNITS)))
                .containsExactly(RowChange.present(UNIT, new BusinessUnit(UNIT, "Contoso", null, false)));
        assertThat(rows(sections.get("systemuserrolescollection"), codec(DataverseTable.USER_ROLES)))
                .containsExactly(RowChange.present(LINK, new UserRoleLink(USER, ROLE)));
    }

    @Test
    void withoutRowsOnlyTheTokensAreReadAndNothingIsWritten() throws IOException {
        Map<String, StateSection> sections = DeltaState.read(new ByteArrayInputStream(state()), work, "before", false);

        assertThat(sections.get("businessunits").token()).isEqualTo(new ChangeToken("units-token"));
        assertThat(sections.get("businessunits").file()).doesNotExist();
        assertThat(sections.get("systemuserrolescollection").byContent()).isFalse();
    }

    @Test
    void aContinuedStateKeepsItsRowsByteForByteWithTheNewTokens() throws IOException {
        byte[] state = state();
        ByteArrayOutputStream continued = new ByteArrayOutputStream();

        DeltaState.continued(
                new ByteArrayInputStream(state),
                continued,
                Map.of(
                        "businessunits", new ChangeToken("next-units"),
                        "systemuserrolescollection", new ChangeToken("next-links")));

        Map<String, StateSection> sections =
                DeltaState.read(new ByteArrayInputStream(continued.toByteArray()), work, "after", true);
        assertThat(sections.get("businessunits").token()).isEqualTo(new ChangeToken("next-units"));
        assertThat(sections.get("systemuserrolescollection").token()).isEqualTo(new ChangeToken("next-links"));
        assertThat(rows(sections.get("systemuserrolescollection"), codec(DataverseTable.USER_ROLES)))
                .containsExactly(RowChange.present(LINK, new UserRoleLink(USER, ROLE)));
        assertThat(continued.size())
                .isEqualTo(state.length
                        - "units-token".length()
                        + "next-units".length()
                        - "-".length()
                        + "next-links".length());
    }

    @Test
    void rowsKeptByContentAreReadEvenForTheTokensAndStayKeptByContentWhenContinued() throws IOException {
        RowCodec<UserProfileLink> codec = codec(DataverseTable.USER_PROFILES);
        UserProfileLink link = new UserProfileLink(USER, PROFILE);
        StateSection.Writer<UserProfileLink> profiles =
                new StateSection.Writer<>("systemuserprofilescollection", codec, work.resolve("p"));
        profiles.add(RowChange.present(codec.contentId(link), link));
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        write(state, List.of(profiles.finishByContent()));
        Map<String, ChangeToken> tokens = new java.util.HashMap<>();
        tokens.put("systemuserprofilescollection", null);
        ByteArrayOutputStream continued = new ByteArrayOutputStream();
        DeltaState.continued(new ByteArrayInputStream(state.toByteArray()), continued, tokens);

        StateSection section = DeltaState.read(new ByteArrayInputStream(continued.toByteArray()), work, "t", false)
                .get("systemuserprofilescollection");

        assertThat(continued.toByteArray()).isEqualTo(state.toByteArray());
        assertThat(section.byContent()).isTrue();
        assertThat(section.token()).isNull();
        assertThat(rows(section, codec))
                .containsExactly(RowChange.present(codec.contentId(new UserProfileLink(USER, PROFILE)), link));
        assertThat(codec.contentId(new UserProfileLink(PROFILE, USER))).isNotEqualTo(codec.contentId(link));
    }

    @Test
    void aStateCutShortOrOfAnotherFormIsRefused() throws IOException {
        byte[] state = state();

        assertThatThrownBy(() -> DeltaState.read(
                        new ByteArrayInputStream(Arrays.copyOf(state, state.length - 10)), work, "cut", true))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> DeltaState.read(
                        new ByteArrayInputStream("something else\n".getBytes(StandardCharsets.UTF_8)),
                        work,
                        "other",
                        true))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not in the form");
    }

    @Test
    void sectionsAreFoundByTableWhateverOrderTheReadsEndedIn() throws IOException {
        StateSection.Writer<UserRoleLink> links = new StateSection.Writer<>(
                "systemuserrolescollection", codec(DataverseTable.USER_ROLES), work.resolve("l2"));
        links.add(RowChange.present(LINK, new UserRoleLink(USER, ROLE)));
        StateSection.Writer<BusinessUnit> units =
                new StateSection.Writer<>("businessunits", codec(DataverseTable.BUSINESS_UNITS), work.resolve("u2"));
        units.add(RowChange.present(UNIT, new BusinessUnit(UNIT, "Contoso", null, false)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, List.of(links.finish(new ChangeToken("links-token")), units.finish(null)));

        Map<String, StateSection> sections =
                DeltaState.read(new ByteArrayInputStream(out.toByteArray()), work, "o", true);

        assertThat(sections.get("businessunits").token()).isNull();
        assertThat(sections.get("systemuserrolescollection").token()).isEqualTo(new ChangeToken("links-token"));
        assertThat(rows(sections.get("systemuserrolescollection"), codec(DataverseTable.USER_ROLES)))
                .containsExactly(RowChange.present(LINK, new UserRoleLink(USER, ROLE)));
        assertThat(rows(sections.get("businessunits"), codec(DataverseTable.BUSINESS_UNITS)))
                .containsExactly(RowChange.present(UNIT, new BusinessUnit(UNIT, "Contoso", null, false)));
    }

    /** A delta state of these sections, in this order, as a sync writes it. */
    private static void write(ByteArrayOutputStream out, List<StateSection> sections) throws IOException {
        DeltaState.Writer state = new DeltaState.Writer(out);
        for (StateSection section : sections) {
            state.add(section);
        }
        state.end();
    }

    private byte[] state() throws IOException {
        StateSection.Writer<BusinessUnit> units =
                new StateSection.Writer<>("businessunits", codec(DataverseTable.BUSINESS_UNITS), work.resolve("u"));
        units.add(RowChange.present(UNIT, new BusinessUnit(UNIT, "Contoso", null, false)));
        StateSection.Writer<UserRoleLink> links = new StateSection.Writer<>(
                "systemuserrolescollection", codec(DataverseTable.USER_ROLES), work.resolve("l"));
        links.add(RowChange.present(LINK, new UserRoleLink(USER, ROLE)));
        links.add(RowChange.<UserRoleLink>removed(UUID.randomUUID())); // a removal has no place in a section
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, List.of(units.finish(new ChangeToken("units-token")), links.finish(null)));
        assertThat(Files.size(work.resolve("l"))).isEqualTo(48);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private <T> RowCodec<T> codec(DataverseTable<T> table) {
        return (RowCodec<T>) codecs.get(table);
    }

    private static <T> List<RowChange<T>> rows(StateSection section, RowCodec<T> codec) throws IOException {
        List<RowChange<T>> rows = new ArrayList<>();
        section.forEachPage(codec, rows::addAll);
        return rows;
    }
}
