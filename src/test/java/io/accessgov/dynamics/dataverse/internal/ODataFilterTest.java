package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.ODataFilter.and;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.contains;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.eq;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.in;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.isNotNull;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.negate;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

    private static final UUID ID = UUID.fromString("2B7E0000-0000-0000-0000-00000000000A");

    @Test
    void doublesSingleQuotesInStringLiterals() {
        assertThat(eq("lastname", "O'Bryan").render()).isEqualTo("lastname eq 'O''Bryan'");
        assertThat(eq("lastname", "' or 1 eq 1 or '").render()).isEqualTo("lastname eq ''' or 1 eq 1 or '''");
    }

    @Test
    void writesGuidsUnquotedInLowerCaseAndBooleansAndNullAsKeywords() {
        assertThat(eq("systemuserid", ID).render()).isEqualTo("systemuserid eq 2b7e0000-0000-0000-0000-00000000000a");
        assertThat(eq("isdisabled", false).render()).isEqualTo("isdisabled eq false");
        assertThat(isNotNull("applicationid").render()).isEqualTo("applicationid ne null");
        assertThat(eq("accessmode", 3).render()).isEqualTo("accessmode eq 3");
    }

    @Test
    void bracketsLikeWildcardsInsideStringFunctions() {
        assertThat(contains("fullname", "50%_[a]").render()).isEqualTo("contains(fullname,'50[%][_][[]a]')");
        assertThat(eq("fullname", "50%_").render()).isEqualTo("fullname eq '50%_'");
    }

    @Test
    void parenthesisesNestedJunctions() {
        ODataFilter filter = and(eq("a", 1), or(eq("b", 2), eq("c", 3)));
        assertThat(filter.render()).isEqualTo("a eq 1 and (b eq 2 or c eq 3)");
    }

    @Test
    void negationKeepsRowsWithNullColumns() {
        assertThat(negate(eq("accessmode", 4)).render()).isEqualTo("accessmode ne 4 or accessmode eq null");
        assertThat(negate(isNotNull("applicationid")).render()).isEqualTo("applicationid eq null");
        assertThat(negate(contains("domainname", "x")).render())
                .isEqualTo("not contains(domainname,'x') or domainname eq null");
        assertThat(negate(and(eq("a", 1), eq("b", true))).render())
                .isEqualTo("(a ne 1 or a eq null) or (b ne true or b eq null)");
    }

    @Test
    void treatsAMissingColumnAsNull() {
        ODataFilter filter = and(eq("isdisabled", false), or(isNotNull("applicationid"), eq("accessmode", 4)));
        assertThat(filter.render(column -> !column.equals("applicationid")))
                .isEqualTo("isdisabled eq false and accessmode eq 4");
        assertThat(and(eq("isdisabled", false), negate(isNotNull("applicationid")))
                        .render(c -> !c.equals("applicationid")))
                .isEqualTo("isdisabled eq false");
    }

    @Test
    void anAlwaysTrueFilterRendersAsNoFilterAndAnAlwaysFalseOneIsReported() {
        assertThat(and().render()).isNull();
        assertThatThrownBy(() -> in("roleid", List.of()).render()).isInstanceOf(ODataFilter.AlwaysFalse.class);
    }

    @Test
    void encodesReservedCharactersOfLiteralsOnceWhenBuildingTheUri() {
        URI uri = ODataUri.of(URI.create("https://org.crm.dynamics.com/api/data/v9.2/"), "systemusers")
                .select(List.of("systemuserid", "fullname"))
                .filter(contains("fullname", "a+b&c=d/e?f@g:h;i,j$k #%").render())
                .build();

        assertThat(uri.getRawQuery())
                .isEqualTo("$select=systemuserid,fullname&$filter=contains(fullname%2C"
                        + "'a%2Bb%26c%3Dd%2Fe%3Ff%40g%3Ah%3Bi%2Cj%24k%20%23[%]')".replace("[%]", "%5B%25%5D"));
        assertThat(uri.getQuery())
                .isEqualTo(
                        "$select=systemuserid,fullname&$filter=contains(fullname," + "'a+b&c=d/e?f@g:h;i,j$k #[%]')");
    }

    @Test
    void encodesNonAsciiAsUtf8() {
        assertThat(ODataUri.encode("Zoë")).isEqualTo("Zo%C3%AB");
    }

    @Test
    void refusesSelectingSomethingThatIsNotAColumnName() {
        assertThatThrownBy(() ->
                        ODataUri.of(URI.create("https://x/"), "systemusers").select(List.of("a&$top=1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
