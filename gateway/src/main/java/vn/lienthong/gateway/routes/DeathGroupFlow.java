package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

/**
 * 2.002913: death registration at civil status, then removal of permanent residence (commune
 * police, by callback), then the funeral allowance and survivor benefit claim at social insurance
 * (SOAP); the last result completes the dossier. Like every flow route it runs inside the
 * transaction that recorded a result and decides from the database alone.
 */
@Dependent
public class DeathGroupFlow extends RouteBuilder {

    @Inject
    FlowProgress progress;

    @Override
    public void configure() {
        LienThongFlow flow = LienThongFlow.DEATH_GROUP;
        from(flow.endpoint()).routeId(flow.routeId())
                .description("Liên thông khai tử – xóa đăng ký thường trú – trợ cấp mai táng, tử tuất")
                .bean(progress, "start(${body}, 'DEATH_REGISTRATION', 1)")
                .filter(e -> progress.done(e, "DEATH_REGISTRATION"))
                    .bean(progress, "start(${body}, 'PERMANENT_RESIDENCE_REMOVAL', 3)")
                    .filter(e -> progress.done(e, "PERMANENT_RESIDENCE_REMOVAL"))
                        .bean(progress, "start(${body}, 'FUNERAL_SURVIVOR_BENEFIT', 5)")
                        .filter(e -> progress.done(e, "FUNERAL_SURVIVOR_BENEFIT"))
                            .bean(progress, "complete(${body})");
    }
}
