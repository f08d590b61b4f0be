package vn.lienthong.gateway.routes;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * One agency's protocol, the only code a REST or SOAP agency needs (see docs/connectors.md,
 * "Adding an agency"): the request for the outbox message in {@link DeliveryOutcomes#MESSAGE}, and
 * what the agency's answer means. A CDI bean named as {@code lienthong.agency.<id>.mapper} says.
 */
public interface AgencyMapper {

    /**
     * The request body (a String, or an HttpEntity that streams); sets the request headers with
     * {@link AgencyHttp#prepare}, which also drops whatever headers earlier steps left.
     */
    Object request(Exchange exchange);

    /**
     * The agency's answer (status in {@code CamelHttpResponseCode}, body) as a result; an answer that
     * is not one throws {@link TransientAgencyException} or {@link PermanentAgencyException}.
     */
    AgencyResult reply(Exchange exchange);
}
