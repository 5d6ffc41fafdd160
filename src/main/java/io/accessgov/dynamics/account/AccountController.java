package io.accessgov.dynamics.account;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.ApiPaths;
import io.accessgov.dynamics.web.Ids;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "Dataverse users (systemusers), classified HUMAN, SERVICE or SYSTEM.")
@RestController
@RequestMapping(
        path = {ApiPaths.V1 + "/accounts", ApiPaths.IN_ENVIRONMENT + "/accounts"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(
            operationId = "listAccounts",
            summary = "List accounts",
            description = "Pages through the accounts, filtered in Dataverse. Service and system accounts are listed"
                    + " only when DYNAMICS_INCLUDE_SYSTEM_ACCOUNTS=true. Pass nextPageToken back as pageToken, with"
                    + " the same filters, until it is null.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of accounts.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AccountPage.class),
                            examples = @ExampleObject(name = "page", value = AccountExamples.PAGE)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping
    Page<Account> listAccounts(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = "Only enabled or only disabled accounts.")
                    @RequestParam(required = false)
                    @Nullable
                    AccountStatus status,
            @Parameter(
                            description = "Only accounts of this type; SERVICE and SYSTEM give an empty page while the"
                                    + " system-account toggle is off.")
                    @RequestParam(required = false)
                    @Nullable
                    AccountType accountType,
            @Parameter(
                            description = "Case-insensitive substring of displayName, username or email. Quotes and"
                                    + " OData syntax are matched literally.")
                    @RequestParam(required = false)
                    @Size(max = 256)
                    @Nullable
                    String search,
            @Parameter(
                            description =
                                    "Accounts per page (1–1000, default 100). When paging on, leave it out or send"
                                            + " the first page's value.")
                    @RequestParam(required = false)
                    @Min(1)
                    @Max(1000)
                    @Nullable
                    Integer pageSize,
            @Parameter(description = "The nextPageToken of the previous page; opaque.")
                    @RequestParam(required = false)
                    @Size(max = PageTokens.MAX_TOKEN_LENGTH)
                    @Nullable
                    String pageToken) {
        return accounts.list(environment, new AccountFilter(status, accountType, search), pageSize, pageToken);
    }

    @Operation(
            operationId = "getAccount",
            summary = "Get an account",
            description = "One account by its Dataverse user id. Service and system accounts are not found while"
                    + " the system-account toggle is off.")
    @ApiResponse(
            responseCode = "200",
            description = "The account.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Account.class),
                            examples = @ExampleObject(name = "account", value = AccountExamples.ACCOUNT)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping("/{id}")
    Account getAccount(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The Dataverse user id (systemuserid), a GUID.",
                            schema = @Schema(type = "string", format = "uuid", pattern = Ids.GUID_PATTERN),
                            example = "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d")
                    @PathVariable
                    String id) {
        return accounts.get(environment, Ids.parseGuid(id, "account id"));
    }

    /** The page shape, named for the OpenAPI document (generic records have no schema name of their own). */
    @Schema(name = "AccountPage", description = "One page of accounts.")
    record AccountPage(
            java.util.List<Account> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
