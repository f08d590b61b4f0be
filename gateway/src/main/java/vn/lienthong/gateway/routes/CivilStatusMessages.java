package vn.lienthong.gateway.routes;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * The electronic civil status service (hộ tịch, Ministry of Justice): a JSON registration request,
 * answered synchronously with the registration number and the 12-digit personal identification number.
 */
@ApplicationScoped
@Named("civil-status")
public class CivilStatusMessages implements AgencyMapper {

    @Override
    public String request(Exchange exchange) {
        return AgencyHttp.jsonRequest(exchange);
    }

    @Override
    public AgencyResult reply(Exchange exchange) {
        JsonObject json = AgencyHttp.jsonReply(exchange, "Civil status");
        String number = json.getString("registrationNumber", "");
        String personalId = json.getString("personalId", "");
        if (number.isBlank() || !personalId.matches("\\d{12}")) {
            throw new PermanentAgencyException("Malformed civil status reply: needs registrationNumber and a "
                    + "12-digit personalId, got " + AgencyFailures.excerpt(json.toString()), null);
        }
        // The result keeps the new personal ID as evidence; the summary goes into the processing
        // record that every reader of the dossier sees, so it shows the number masked.
        return AgencyResult.done(json.toString(),
                "Hộ tịch: số đăng ký " + number + ", số định danh cá nhân " + PersonalDataMask.mask(personalId));
    }

}
