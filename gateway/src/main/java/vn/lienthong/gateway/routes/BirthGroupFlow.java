package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;

/**
 * 3.000722, "3 in 1": birth registration at civil status gives the child's personal ID; then
 * permanent residence (commune police, answered by callback) and the BHYT card for a child under 6
 * (social insurance, SOAP) go out together, both with that ID; when both answered, the dossier is
 * completed. The route runs each time a step's result is recorded, inside that transaction, and
 * decides from the database alone, so a crash between steps loses nothing and repeats nothing.
 */
@Dependent
public class BirthGroupFlow extends RouteBuilder {

    @Inject
    FlowProgress progress;

    @Override
    public void configure() {
        LienThongFlow flow = LienThongFlow.BIRTH_GROUP;
        from(flow.endpoint()).routeId(flow.routeId())
                .description("Liên thông khai sinh – thường trú – thẻ BHYT trẻ dưới 6 tuổi")
                .bean(progress, "start(${body}, 'BIRTH_REGISTRATION', 1)")
                .filter(e -> progress.done(e, "BIRTH_REGISTRATION"))
                    .multicast(new UseOriginalAggregationStrategy())
                        .bean(progress, "start(${body}, 'PERMANENT_RESIDENCE_REGISTRATION', 3)")
                        .bean(progress, "start(${body}, 'BHYT_CARD_UNDER_6', 3)")
                    .end()
                    .filter(e -> progress.done(e, "PERMANENT_RESIDENCE_REGISTRATION", "BHYT_CARD_UNDER_6"))
                        .bean(progress, "complete(${body})");
    }
}
