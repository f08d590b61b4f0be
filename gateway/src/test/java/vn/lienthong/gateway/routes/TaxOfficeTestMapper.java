package vn.lienthong.gateway.routes;

import jakarta.json.JsonObject;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * The one class a fifth agency needs, as docs/connectors.md "Adding an agency" says: the tax
 * office (cơ quan thuế) of procedure 1.004227, a REST/JSON service that answers synchronously with
 * the number of its notice of financial obligations (thông báo nghĩa vụ tài chính).
 */
final class TaxOfficeTestMapper implements AgencyMapper {

    @Override
    public String request(Exchange exchange) {
        return AgencyHttp.jsonRequest(exchange);
    }

    @Override
    public AgencyResult reply(Exchange exchange) {
        JsonObject json = AgencyHttp.jsonReply(exchange, "Tax office");
        return AgencyResult.done(json.toString(),
                "Thuế: thông báo nghĩa vụ tài chính số " + AgencyHttp.required(json, "noticeNumber", "Tax office"));
    }
}
