package vn.lienthong.gateway.interfaces.rest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The last hand on the published contract ({@code /openapi}, mp.openapi.filter): what the annotations
 * cannot say once for all operations, and what Payara 6 gets wrong. Every 4xx and 5xx answer is
 * described as the problem+json body the API really sends ({@link Problem}); an operation that needs
 * the bearer token also lists 401 and 403; a success Payara filed as "default" is the 200; each tag
 * appears once; annotation defaults are taken out of schemas; and Payara's internal {@code endpoints}
 * map, which is no OpenAPI field and which generators refuse, is left out.
 */
public class ContractFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ContractFilter.class.getName());

    /** The component name of the error body's schema. */
    static final String PROBLEM = "Problem";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        // Payara describes the method's return type as the "default" answer, and drops it once any
        // @APIResponse is declared; where it is the only success the method has, it is the 200.
        if (responses.getDefaultValue() != null && !hasSuccess(responses)) {
            responses.addAPIResponse("200", responses.getDefaultValue().description("OK"));
            responses.removeAPIResponse(APIResponses.DEFAULT);
        }
        if (needsBearer(operation)) {
            addIfAbsent(responses, "401", "Không có, sai hoặc hết hạn token | Missing, invalid or expired bearer token");
            addIfAbsent(responses, "403", "Vai trò hoặc đơn vị không được phép | Role or agency not allowed");
        }
        Map<String, APIResponse> byCode = responses.getAPIResponses();
        if (byCode != null) {
            byCode.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    response.setContent(problemContent());
                }
            });
        }
        return operation;
    }

    /**
     * Payara copies every attribute of a {@code @Schema} or {@code @SchemaProperty} annotation into the
     * model, unset ones with their annotation defaults: {@code maxProperties: 0} (an object that may have
     * no property), {@code multipleOf: 0} (invalid), {@code minItems: 2147483647}. Those values are taken
     * back out; a constraint somebody set on purpose never has them.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() == 0) {
            schema.setMultipleOf(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMaxLength())) {
            schema.setMaxLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (schema.getMaxItems() != null && schema.getMaxItems() < 0) {
            schema.setMaxItems(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMinItems())) {
            schema.setMinItems(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties()) && Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMaxProperties(null);
            schema.setMinProperties(null);
        }
        // false is what each of these means when absent.
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(PROBLEM, problemSchema());
        openAPI.setTags(distinctByName(openAPI.getTags()));
        dropPayaraEndpoints(openAPI);
    }

    private static boolean hasSuccess(APIResponses responses) {
        return responses.getAPIResponses() != null
                && responses.getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("2"));
    }

    private static boolean needsBearer(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.hasScheme(GatewayApi.BEARER));
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE.toString(),
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** RFC 9457 problem details as {@link Problem} writes them, Vietnamese first, English alongside. */
    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text).addProperty("messageEn", text);
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("Lỗi theo RFC 9457 | An RFC 9457 problem: what was wrong and how to fix it")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .example("urn:lienthong:problem:validation"))
                .addProperty("title", text)
                .addProperty("titleEn", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("detailEn", text)
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("One entry per offending field"))
                .addProperty("allowed", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(text)
                        .description("The values that would have been accepted, e.g. the allowed transitions"));
    }

    /** Payara adds a class's @Tag to the document once per class; a tag shared by classes repeats. */
    private static List<Tag> distinctByName(List<Tag> tags) {
        if (tags == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        List<Tag> distinct = new ArrayList<>();
        for (Tag tag : tags) {
            if (seen.add(tag.getName())) {
                distinct.add(tag);
            }
        }
        return distinct;
    }

    /**
     * Payara's document class carries the application's endpoints for its own bookkeeping and
     * serialises them as a top-level {@code endpoints} field (Payara 6.2025.10), which OpenAPI does not
     * allow. The model API has no access to it, hence the reflective call; on a server whose document
     * has no such setter nothing happens. Payara writes empty maps not at all.
     */
    private static void dropPayaraEndpoints(OpenAPI openAPI) {
        Method setter;
        try {
            setter = openAPI.getClass().getMethod("setEndpoints", Map.class);
        } catch (NoSuchMethodException e) {
            return;
        }
        try {
            setter.invoke(openAPI, new LinkedHashMap<String, Set<String>>());
        } catch (IllegalAccessException | InvocationTargetException e) {
            LOG.log(Level.WARNING, "Could not leave Payara's endpoints map out of /openapi", e);
        }
    }
}
