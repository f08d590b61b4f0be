package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openapitools.codegen.validation.Invalid;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;

/**
 * The published contract ({@code GET /openapi}) as an integrator's code generator reads it: it passes
 * openapi-generator's validator, names each operation once, declares the bearer scheme and puts it on
 * every operation that needs a token, and tells the truth about which those are.
 */
@ExtendWith(SharedGateway.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIT {

    /**
     * The operations anybody may call: the citizen's look-up, rating and feedback box, PDF verification,
     * agencies' signed callbacks, the console's demo sign-in (which answers 404 unless the demo issuer runs) and
     * where it signs in otherwise (the province's identity provider, 404 when none is configured).
     */
    private static final Set<String> OPEN = Set.of(
            "GET /api/v1/public/dossiers/{code}",
            "POST /api/v1/public/ratings",
            "POST /api/v1/public/feedback",
            "GET /api/v1/public/feedback",
            "POST /api/v1/verify",
            "POST /api/v1/callbacks/{agency}",
            "GET /api/v1/demo/sign-in",
            "POST /api/v1/demo/sign-in",
            "GET /api/v1/sign-in/provider");

    /** The top-level fields OpenAPI 3.0 allows (and x- extensions). */
    private static final Set<String> TOP_LEVEL = Set.of("openapi", "info", "servers", "paths", "components", "security",
            "tags", "externalDocs");

    private final SharedGateway.Server gateway;
    private OpenApiContract contract;

    OpenApiContractIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    @BeforeAll
    void readTheContract() {
        contract = OpenApiContract.fetch(gateway.http().resolve("/"));
    }

    @Test
    void openapiGeneratorsValidatorFindsNoError() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(contract.text(), null, options);
        List<String> errors = new ArrayList<>(parsed.getMessages() == null ? List.of() : parsed.getMessages());
        assertTrue(parsed.getOpenAPI() != null, () -> "not parsed at all: " + errors);
        RuleConfiguration rules = new RuleConfiguration();
        rules.setEnableRecommendations(true);
        ValidationResult result = new OpenApiEvaluator(rules).validate(parsed.getOpenAPI());
        result.getErrors().stream().map(OpenApiContractIT::describe).forEach(errors::add);
        System.out.printf("openapi-generator validate: %d errors, %d warnings%s%n", errors.size(),
                result.getWarnings().size(), result.getWarnings().stream().map(w -> "\n  warning: " + describe(w))
                        .collect(Collectors.joining()));
        assertTrue(errors.isEmpty(), () -> errors.size() + " errors:\n" + String.join("\n", errors));
    }

    private static String describe(Invalid invalid) {
        return invalid.getMessage() + (invalid.getDetails() == null ? "" : " (" + invalid.getDetails() + ")");
    }

    @Test
    void everyOperationHasItsOwnCamelCaseOperationId() {
        List<String> missing = contract.operations().stream().filter(o -> o.operationId() == null)
                .map(Object::toString).toList();
        assertTrue(missing.isEmpty(), () -> "without operationId: " + missing);
        Map<String, List<String>> byId = new HashMap<>();
        contract.operations().forEach(o -> byId.computeIfAbsent(o.operationId(), id -> new ArrayList<>()).add(o.toString()));
        Map<String, List<String>> repeated = byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertTrue(repeated.isEmpty(), () -> "repeated operationIds: " + repeated);
        List<String> notCamel = byId.keySet().stream().filter(Predicate.not(id -> id.matches("[a-z][A-Za-z0-9]*")))
                .toList();
        assertTrue(notCamel.isEmpty(), () -> "not camelCase: " + notCamel);
        assertTrue(contract.operations().size() >= 30, () -> "the whole API: " + contract.operations());
    }

    @Test
    void theBearerSchemeIsDeclaredAndOnEveryOperationButTheOpenOnes() {
        JsonObject scheme = contract.document().getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer");
        assertEquals("http", scheme.getString("type"));
        assertEquals("bearer", scheme.getString("scheme"));
        assertEquals("JWT", scheme.getString("bearerFormat"));
        assertEquals(null, contract.globalSecurity(), "security is stated per operation");
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract.operations()) {
            boolean open = OPEN.contains(operation.method() + " " + operation.path());
            if (open == operation.requires("bearer")) {
                wrong.add(operation + (open ? " is open but asks for a token" : " needs a token but names no scheme"));
            }
            if (!open && !(operation.definition().getJsonObject("responses").containsKey("401")
                    && operation.definition().getJsonObject("responses").containsKey("403"))) {
                wrong.add(operation + " does not describe its 401 and 403");
            }
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
        assertEquals(OPEN, contract.operations().stream().map(o -> o.method() + " " + o.path())
                .filter(OPEN::contains).collect(Collectors.toSet()), "every open operation is in the contract");
    }

    @Test
    void whatTheContractSaysNeedsATokenRefusesACallWithout() {
        GatewayHttp anonymous = gateway.http();
        List<String> wrong = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract.operations()) {
            if (!operation.requires("bearer")) {
                continue; // the open ones are rate-limited: calling them here would spend other tests' budget
            }
            String path = operation.path().replaceAll("\\{[^}]+}", "1");
            GatewayHttp.Reply reply = switch (operation.method()) {
                case "GET" -> anonymous.get(path);
                case "POST" -> anonymous.post(path, "{}");
                case "PUT" -> anonymous.put(path, "{}");
                case "DELETE" -> anonymous.delete(path);
                default -> throw new AssertionError("a method this test does not know: " + operation);
            };
            if (reply.status() != 401) {
                wrong.add(operation + " without a token: " + reply);
            }
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    @Test
    void everyErrorAnswerIsDescribedAsProblemJson() {
        assertTrue(contract.document().getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
        List<String> bare = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract.operations()) {
            for (Map.Entry<String, JsonValue> response : operation.definition().getJsonObject("responses").entrySet()) {
                if (response.getKey().matches("[45]\\d\\d")) {
                    JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
                    if (content == null || !content.containsKey("application/problem+json")) {
                        bare.add(operation + " " + response.getKey());
                    }
                }
            }
        }
        assertTrue(bare.isEmpty(), () -> "error answers without a problem+json body: " + bare);
    }

    @Test
    void noServerAddressOrPayaraBookkeepingIsBakedIn() {
        List<String> unexpected = contract.document().keySet().stream()
                .filter(key -> !TOP_LEVEL.contains(key) && !key.startsWith("x-")).toList();
        assertTrue(unexpected.isEmpty(), () -> "not OpenAPI fields: " + unexpected);
        List<String> servers = contract.document().getJsonArray("servers").stream()
                .map(server -> server.asJsonObject().getString("url")).toList();
        assertFalse(servers.isEmpty());
        assertTrue(servers.stream().noneMatch(url -> url.contains("://")),
                () -> "a server URL with a host and port of the moment: " + servers);
        List<String> tags = contract.document().getJsonArray("tags").stream()
                .map(tag -> tag.asJsonObject().getString("name")).toList();
        assertEquals(tags.size(), Set.copyOf(tags).size(), () -> "repeated tags: " + tags);
    }

    @Test
    void theDeskSearchIsInTheContract() {
        assertTrue(contract.lists("GET", "/api/v1/dossiers?q=001190012345&page=0&size=20"));
        assertTrue(contract.find("GET", "/api/v1/dossiers").orElseThrow().definition().getJsonArray("parameters")
                .stream().anyMatch(p -> p.asJsonObject().getString("name").equals("q")));
    }
}
