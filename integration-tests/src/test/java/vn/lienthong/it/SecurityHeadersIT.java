package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser-facing safety headers on every kind of answer the WAR gives: a page, an API answer,
 * the API's own refusals and the container's (an invalid token), unknown paths.
 */
@ExtendWith(SharedGateway.class)
class SecurityHeadersIT {

    private static final String UNIT = "000.00.20.H30";

    private final SharedGateway.Server gateway;

    SecurityHeadersIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    @Test
    void everyKindOfAnswerCarriesThem() {
        GatewayHttp anonymous = gateway.http();
        GatewayHttp officer = anonymous.as(gateway.tokens().token(DemoTokens.DESK_OFFICER, UNIT));
        Map<String, GatewayHttp.Reply> answers = new LinkedHashMap<>();
        answers.put("the console's page", anonymous.get("/"));
        answers.put("an API answer", officer.get("api/v1/procedures"));
        answers.put("a refusal without a token", anonymous.get("api/v1/dossiers"));
        answers.put("a forged token, refused by the container", anonymous.as(DemoTokens.forger()
                .token(DemoTokens.DESK_OFFICER, UNIT)).get("api/v1/dossiers"));
        answers.put("the API's 404", officer.get("api/v1/dossiers/000.00.20.H30-200101-9999"));
        answers.put("an unknown API path", anonymous.get("api/v1/no-such-thing"));
        answers.put("an unknown path", anonymous.get("no-such-page"));
        answers.put("a bad request", officer.get("api/v1/dossiers?size=0"));
        assertEquals(200, answers.get("an API answer").status());
        assertEquals(401, answers.get("a refusal without a token").status());
        assertEquals(401, answers.get("a forged token, refused by the container").status());
        assertEquals(404, answers.get("the API's 404").status());
        assertEquals(400, answers.get("a bad request").status());

        List<String> wrong = new ArrayList<>();
        answers.forEach((what, reply) -> {
            expect(wrong, what, reply, "X-Content-Type-Options", "nosniff");
            expect(wrong, what, reply, "Referrer-Policy", "no-referrer");
            expect(wrong, what, reply, "X-Frame-Options", "DENY");
            Optional<String> policy = single(wrong, what, reply, "Content-Security-Policy");
            policy.ifPresent(csp -> checkPolicy(wrong, what, csp));
        });
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    private static void expect(List<String> wrong, String what, GatewayHttp.Reply reply, String header, String value) {
        single(wrong, what, reply, header).filter(v -> !v.equalsIgnoreCase(value))
                .ifPresent(v -> wrong.add(what + ": " + header + " is " + v + ", expected " + value));
    }

    private static Optional<String> single(List<String> wrong, String what, GatewayHttp.Reply reply, String header) {
        List<String> values = reply.headers().allValues(header);
        if (values.size() != 1) {
            wrong.add(what + " (" + reply.status() + "): " + header + " " + values + ", expected exactly one");
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }

    /** A policy a page can live with that still refuses inline script, foreign origins and framing. */
    private static void checkPolicy(List<String> wrong, String what, String csp) {
        Map<String, String> directives = Arrays.stream(csp.split(";")).map(String::strip).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split("\\s+", 2)[0], d -> d.contains(" ") ? d.split("\\s+", 2)[1] : ""));
        Map<String, String> expected = Map.of("default-src", "'self'", "script-src", "'self'",
                "frame-ancestors", "'none'", "base-uri", "'none'", "form-action", "'self'");
        expected.forEach((directive, value) -> {
            if (!value.equals(directives.get(directive))) {
                wrong.add(what + ": CSP " + directive + " is " + directives.get(directive) + ", expected " + value);
            }
        });
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"),
                () -> what + ": " + csp);
    }
}
