package io.accessgov.dynamics.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.environment.TestEnvironments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(controllers = ProblemHandlerTest.Probe.class)
@Import({ProblemHandlerTest.Probe.class, TestEnvironments.Unreached.class})
class ProblemHandlerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void unknownPathIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:not-found"))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.instance").value("/api/v1/nothing-here"))
                .andExpect(jsonPath("$.detail").value(not(containsString("static resource"))))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.startsWith(
                                "{\"type\":\"urn:dynamics365-connector:problem:not-found\",\"title\":\"Not found\","
                                        + "\"status\":404,\"detail\":")));
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblemWithAllow() throws Exception {
        mvc.perform(put("/probe/things"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Allow", containsString("POST")))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:method-not-allowed"))
                .andExpect(jsonPath("$.detail").value(containsString("PUT")));
    }

    @Test
    void wrongContentTypeIsAnUnsupportedMediaTypeProblem() throws Exception {
        mvc.perform(post("/probe/things").contentType(MediaType.TEXT_PLAIN).content("name=x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:unsupported-media-type"))
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }

    @Test
    void unacceptableAcceptIsANotAcceptableProblemAnyway() throws Exception {
        mvc.perform(get("/probe/things").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:not-acceptable"));
    }

    @Test
    void unreadableJsonIsABadRequestProblemWithoutParserInternals() throws Exception {
        mvc.perform(post("/probe/things")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:unreadable-body"))
                .andExpect(content().string(not(containsString("jackson"))))
                .andExpect(content().string(not(containsString("Probe"))));
    }

    @Test
    void invalidBodyListsTheOffendingMembers() throws Exception {
        mvc.perform(post("/probe/things")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-body"))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/name"))
                .andExpect(jsonPath("$.errors[0].detail").isNotEmpty());
    }

    @Test
    void invalidParametersAreListed() throws Exception {
        mvc.perform(get("/probe/things").param("count", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].parameter").value("count"))
                .andExpect(jsonPath("$.detail").value(containsString("count")));
    }

    @Test
    void missingParameterIsNamed() throws Exception {
        mvc.perform(get("/probe/required"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].parameter").value("name"));
    }

    @Test
    void dataverseFailureCarriesRetryAfterAndItsIds() throws Exception {
        mvc.perform(get("/probe/throttled"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:dataverse-throttled"))
                .andExpect(jsonPath("$.dataverseCode").value("0x80072322"))
                .andExpect(jsonPath("$.dataverseRequestId").value("req-1"))
                .andExpect(content().string(not(containsString("crm.dynamics.com"))));
    }

    @Test
    void unexpectedFailureIsAGenericInternalErrorWithoutItsMessage() throws Exception {
        mvc.perform(get("/probe/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:internal-error"))
                .andExpect(content().string(not(containsString("secret-in-message"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("at io.accessgov"))));
    }

    @Test
    void ownRefusalsUseTheirKindAndMessage() throws Exception {
        mvc.perform(get("/probe/refused"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"))
                .andExpect(jsonPath("$.title").value("Invalid page token"))
                .andExpect(jsonPath("$.detail").value("The token is bad."));
    }

    record Thing(@NotBlank String name) {}

    @RestController
    @RequestMapping(path = "/probe", produces = MediaType.APPLICATION_JSON_VALUE)
    static class Probe {

        @GetMapping("/things")
        String list(@RequestParam(defaultValue = "1") @Min(1) @Max(10) int count) {
            return "[]";
        }

        @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/required")
        String required(@RequestParam String name) {
            return name;
        }

        @GetMapping("/throttled")
        String throttled() {
            throw new DataverseThrottled(
                    "Rate limit exceeded at https://contoso.crm.dynamics.com/api",
                    Duration.ofMillis(2100),
                    "0x80072322",
                    "req-1");
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("secret-in-message");
        }

        @GetMapping("/refused")
        String refused() {
            throw new InvalidPageToken("The token is bad.");
        }
    }
}
