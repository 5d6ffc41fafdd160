package io.accessgov.dynamics.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.accessgov.dynamics.environment.TestEnvironments;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What an endpoint takes is read from its handler method, the way Spring binds its arguments. */
@WebMvcTest(controllers = StrictQueryParametersTest.Probe.class)
@Import({StrictQueryParametersTest.Probe.class, StrictRequestConfiguration.class, TestEnvironments.Unreached.class})
class StrictQueryParametersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void refusesAParameterTheHandlerDoesNotTakeAndListsTheOnesItDoesInDeclarationOrder() throws Exception {
        mvc.perform(get("/probe/items/7?status=ENABLED&statu=DISABLED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("statu"))
                .andExpect(jsonPath("$.acceptedParameters[0]").value("status"))
                .andExpect(jsonPath("$.acceptedParameters[1]").value("page-size"))
                .andExpect(jsonPath("$.acceptedParameters[2]").value("tag"))
                .andExpect(jsonPath("$.acceptedParameters.length()").value(3))
                .andExpect(jsonPath("$.errors[0].parameter").value("statu"))
                .andExpect(jsonPath("$.detail")
                        .value("The parameter 'statu' is not one this endpoint takes; it takes status, page-size and"
                                + " tag."));
    }

    @Test
    void namesEveryUnexpectedParameterAtOnce() throws Exception {
        mvc.perform(get("/probe/items/7?a=1&b=2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("a"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.detail").value(containsString("The parameters 'a' and 'b' are not ones")));
    }

    @Test
    void aSingleValuedParameterMayNotRepeatButAListMay() throws Exception {
        mvc.perform(get("/probe/items/7?status=ENABLED&status=ENABLED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("status"))
                .andExpect(jsonPath("$.detail").value("The parameter 'status' may be given only once; send it once."));
        mvc.perform(get("/probe/items/7?tag=a&tag=b&page-size=5")).andExpect(status().isOk());
    }

    @Test
    void pathVariablesHeadersAndTheRequestAreNoQueryParameters() throws Exception {
        mvc.perform(get("/probe/items/7?id=7"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("id"));
        mvc.perform(get("/probe/items/7?trace=1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("trace"));
    }

    @Test
    void simpleArgumentsWithoutAnnotationAndModelAttributesAreParametersToo() throws Exception {
        mvc.perform(get("/probe/bound?search=x&status=ENABLED&tag=a&tag=b")).andExpect(status().isOk());
        mvc.perform(get("/probe/bound?search=x&search=y"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("search"));
        mvc.perform(get("/probe/bound?serch=x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.acceptedParameters.length()").value(3));
    }

    @Test
    void aHandlerThatReadsTheWholeQueryTakesAnything() throws Exception {
        mvc.perform(get("/probe/everything?anything=1&anything=2&else=3")).andExpect(status().isOk());
    }

    @Test
    void scimPathsKeepTheirOwnParameterRules() throws Exception {
        mvc.perform(get("/scim/v2/Users?filter=userName%20eq%20%22a%22&startIndex=1&count=5"))
                .andExpect(status().isOk());
    }

    @Test
    void aHandlerWithoutParametersTakesNone() throws Exception {
        mvc.perform(get("/probe/plain?x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("This endpoint takes no query parameters; remove 'x'."));
        mvc.perform(get("/probe/plain?&&")).andExpect(status().isOk());
        mvc.perform(get(URI.create("/probe/plain?=nameless")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value(""));
    }

    @Test
    void aNameThatIsNotPlainIsShownPercentEncodedAndCutShort() throws Exception {
        mvc.perform(get(URI.create("/probe/plain?%3Cscript%3Ealert(1)%3C/script%3E=1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("%3Cscript%3Ealert(1)%3C/script%3E"))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(get("/probe/plain?" + "n".repeat(500) + "=1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("n".repeat(64) + "…"));
    }

    record Filter(@Nullable String status, @Nullable List<String> tag) {}

    @RestController
    static class Probe {

        @GetMapping("/probe/items/{id}")
        String item(
                @PathVariable String id,
                @RequestParam(required = false) @Nullable String status,
                @RequestParam(name = "page-size", required = false) @Nullable Integer pageSize,
                @RequestParam(required = false) @Nullable List<String> tag,
                @RequestHeader(name = "trace", required = false) @Nullable String trace,
                HttpServletRequest request) {
            return "{}";
        }

        @GetMapping("/probe/bound")
        String bound(@Nullable String search, Filter filter) {
            return "{}";
        }

        @GetMapping("/probe/everything")
        String everything(@RequestParam Map<String, String> query) {
            return "{}";
        }

        @GetMapping("/probe/plain")
        String plain() {
            return "{}";
        }

        @GetMapping("/scim/v2/Users")
        String scimUsers(HttpServletRequest request) {
            return "{}";
        }
    }
}
