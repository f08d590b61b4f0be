package vn.lienthong.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The browser classes' contract check: a test class takes {@link ApiRequests} in its constructor, hands
 * its list to {@link SharedBrowser.Chromium#context}, and after its last test every API request its pages
 * made must be an operation the shared gateway's {@code /openapi} lists ({@link PageChecks#listedInContract}).
 * Register after {@link SharedGateway}.
 */
final class ApiContractCheck implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApiContractCheck.class);

    /** The API requests ("METHOD /path") one test class's pages made. */
    record ApiRequests(List<String> list) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ApiRequests.class;
    }

    @Override
    public ApiRequests resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return requests(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SharedGateway.Server gateway = context.getRoot().getStore(SharedGateway.NAMESPACE)
                .get(SharedGateway.Server.class, SharedGateway.Server.class);
        if (gateway == null) {
            throw new AssertionError("no shared gateway ran for " + context.getRequiredTestClass().getSimpleName());
        }
        PageChecks.listedInContract(requests(context).list(), gateway.http().serverRoot().resolve("/"));
    }

    /** One list per test class, whichever context (class or method) asks. */
    private static ApiRequests requests(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(context.getRequiredTestClass(),
                type -> new ApiRequests(Collections.synchronizedList(new ArrayList<>())), ApiRequests.class);
    }
}
