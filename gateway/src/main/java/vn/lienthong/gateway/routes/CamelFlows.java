package vn.lienthong.gateway.routes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import vn.lienthong.gateway.application.FlowDriver;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.infrastructure.camel.CamelRuntime;

/**
 * Runs the flow routes for the use cases. A direct endpoint runs on the caller's thread, so the
 * route's beans join the caller's transaction; an exception rolls that transaction back and reaches
 * the caller as itself, not wrapped.
 */
@ApplicationScoped
public class CamelFlows implements FlowDriver {

    private static final Logger LOG = Logger.getLogger(CamelFlows.class.getName());

    @Inject
    CamelRuntime camel;

    @Inject
    ConnectorDirectory connectors;

    @Inject
    ProcedureCatalogue catalogue;

    private final Map<LienThongFlow, Boolean> connected = new ConcurrentHashMap<>();
    private volatile ProducerTemplate producer;

    /**
     * A flow drives its procedure only when every agency it reaches has a connector; otherwise the
     * procedure's external agencies are sent at once, as for any other procedure, and one warning says why.
     */
    @Override
    public boolean drives(String procedureCode) {
        return LienThongFlow.of(procedureCode).map(f -> connected.computeIfAbsent(f, this::connected)).orElse(false);
    }

    private boolean connected(LienThongFlow flow) {
        var unknown = flow.operations().stream().filter(op -> catalogue.agencyType(op).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            LOG.warning(() -> "Flow " + flow.procedureCode() + " is off: the catalogue lists no operations " + unknown
                    + " (\"operations\"); its dossiers go to each external agency at once");
            return false;
        }
        var missing = flow.operations().stream().map(op -> catalogue.agencyType(op).orElseThrow())
                .distinct().filter(type -> connectors.forType(type).isEmpty()).toList();
        if (!missing.isEmpty()) {
            LOG.warning(() -> "Flow " + flow.procedureCode() + " is off: no connector of type " + missing
                    + " (lienthong.agencies); its dossiers go to each external agency at once");
        }
        return missing.isEmpty();
    }

    @Override
    public void advance(String procedureCode, DossierCode code) {
        LienThongFlow flow = LienThongFlow.of(procedureCode).orElseThrow(() ->
                new UnknownExchangeException("Không có quy trình liên thông cho thủ tục " + procedureCode,
                        "No flow drives procedure " + procedureCode));
        try {
            producer().sendBody(flow.endpoint(), code);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ProducerTemplate producer() {
        ProducerTemplate p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camel.context().createProducerTemplate();
                }
                p = producer;
            }
        }
        return p;
    }
}
