package vn.lienthong.gateway.routes;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.apache.camel.Exchange;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.entity.mime.MultipartPartBuilder;
import org.apache.hc.client5.http.entity.mime.StringBody;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

import vn.lienthong.gateway.domain.attachment.BlobStore;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * Land-use change registration (đăng ký biến động, Văn phòng đăng ký đất đai): REST, asynchronous,
 * with the dossier's scans. One {@code multipart/mixed} request: the JSON metadata first (the
 * outbox payload, whose attachments are references only), then each attachment as its own part,
 * {@code Content-ID: <sha256>}, streamed from the blob store file. The entity knows every part's
 * length, so it goes out with a Content-Length (not chunked), written from the file through
 * HttpClient's small copy buffer: no attachment is ever held whole in memory.
 */
@ApplicationScoped
@Named("land-registry")
public class LandRegistryMessages implements AgencyMapper {

    /** The Content-ID of the metadata part; attachment parts are named by their SHA-256. */
    public static final String METADATA_ID = "<metadata>";

    @Inject
    BlobStore blobs;

    public LandRegistryMessages() {
    }

    /** For route tests: messages that stream from this store. */
    LandRegistryMessages(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public HttpEntity request(Exchange exchange) {
        AgencyMessage m = exchange.getProperty(DeliveryOutcomes.MESSAGE, AgencyMessage.class);
        String metadata = AgencyHttp.jsonRequest(exchange);
        MultipartEntityBuilder multipart = MultipartEntityBuilder.create().setMimeSubtype("mixed")
                .addPart(MultipartPartBuilder.create(new StringBody(metadata, ContentType.APPLICATION_JSON))
                        .addHeader("Content-ID", METADATA_ID).build());
        for (JsonObject ref : references(metadata)) {
            String sha256 = ref.getString("sha256", "");
            long size = ref.getJsonNumber("size") == null ? -1 : ref.getJsonNumber("size").longValue();
            Path blob = blobs.locate(sha256).orElseThrow(() -> new PermanentAgencyException("Attachment " + sha256
                    + " of dossier " + m.dossierCode() + " is not in the blob store; attach the scan again and replay",
                    null));
            requireSize(blob, size, sha256);
            multipart.addPart(MultipartPartBuilder.create(new FileBody(blob.toFile(),
                            ContentType.create(ref.getString("contentType", "application/octet-stream"))))
                    .addHeader("Content-ID", "<" + sha256 + ">").build());
        }
        HttpEntity entity = multipart.build();
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, entity.getContentType());
        // The message log keeps the metadata part; it names every attachment part by its SHA-256.
        exchange.setProperty(MessageLogSteps.RECORDED_BODY, metadata);
        return entity;
    }

    @Override
    public AgencyResult reply(Exchange exchange) {
        return AgencyHttp.ticket(exchange, "Land registry");
    }

    private static Iterable<JsonObject> references(String metadata) {
        try (JsonReader reader = Json.createReader(new StringReader(metadata))) {
            JsonArray refs = reader.readObject().getJsonArray("attachments");
            return refs == null ? java.util.List.of() : refs.getValuesAs(JsonObject.class);
        }
    }

    /** A blob whose length differs from its claim check is not the scan that was attached. */
    private static void requireSize(Path blob, long size, String sha256) {
        try {
            long actual = Files.size(blob);
            if (actual != size) {
                throw new PermanentAgencyException("Attachment " + sha256 + " has " + actual + " bytes in the blob store, "
                        + "its reference says " + size, null);
            }
        } catch (IOException e) {
            throw new TransientAgencyException("Cannot read attachment " + sha256 + ": " + AgencyFailures.describe(e), e);
        }
    }
}
