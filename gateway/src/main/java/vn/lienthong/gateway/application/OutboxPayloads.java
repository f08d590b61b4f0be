package vn.lienthong.gateway.application;

import java.io.StringReader;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import vn.lienthong.gateway.domain.attachment.Attachment;
import vn.lienthong.gateway.domain.attachment.Attachments;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;

/** The JSON a request to another agency carries in the outbox. */
@ApplicationScoped
public class OutboxPayloads {

    @Inject
    Attachments attachments;

    /**
     * The request's content: the dossier and its form. Attachments appear as references only (claim
     * check: SHA-256, size, type, name); the adapter streams their bytes from the blob store.
     */
    public String request(Dossier dossier, Connector connector) {
        return dossierContent(dossier, connector).toString();
    }

    /**
     * A flow step's request: the dossier's content, the results of the steps already done, and the
     * person the step is about (the newborn or the deceased) with the personal ID civil status gave.
     */
    public String step(Dossier dossier, Connector connector, List<AgencyMessage> sent) {
        JsonObject base = dossierContent(dossier, connector);
        JsonObjectBuilder json = Json.createObjectBuilder(base);
        JsonObjectBuilder previous = Json.createObjectBuilder();
        String personalId = null;
        for (AgencyMessage m : sent) {
            if (m.status() == ExchangeStatus.DONE && m.result() != null) {
                JsonObject result = parse(m.result());
                previous.add(m.operation(), result);
                if (result.containsKey("personalId") && personalId == null) {
                    personalId = result.getString("personalId");
                }
            }
        }
        json.add("previousResults", previous);
        if (personalId != null) {
            json.add("subject", Json.createObjectBuilder().add("personalId", personalId)
                    .add("fullName", subjectName(base)));
        }
        return json.build().toString();
    }

    private JsonObject dossierContent(Dossier d, Connector connector) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("dossierCode", d.code().value())
                .add("procedureCode", d.procedureCode())
                .add("receivingAgency", d.agencyCode())
                .add("applicant", Json.createObjectBuilder()
                        .add("fullName", d.applicant().fullName())
                        .add("citizenId", d.applicant().citizenId().value()));
        if (d.formData() != null) {
            json.add("formData", parse(d.formData()));
        }
        if (connector.carriesAttachments()) {
            JsonArrayBuilder refs = Json.createArrayBuilder();
            for (Attachment a : attachments.ofDossier(d.code())) {
                refs.add(Json.createObjectBuilder().add("sha256", a.sha256()).add("size", a.size())
                        .add("contentType", a.contentType()).add("fileName", a.fileName()));
            }
            json.add("attachments", refs);
        }
        return json.build();
    }

    /** The newborn's or the deceased's name from the declaration form, else the applicant's. */
    private static String subjectName(JsonObject payload) {
        if (payload.get("formData") instanceof JsonObject form) {
            for (String key : List.of("child", "deceased")) {
                if (form.get(key) instanceof JsonObject person && person.containsKey("fullName")) {
                    return person.getString("fullName");
                }
            }
        }
        return payload.getJsonObject("applicant").getString("fullName");
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
