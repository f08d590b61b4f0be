package vn.lienthong.gateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import vn.lienthong.gateway.infrastructure.multipart.MultipartParts;

/**
 * The land registration office: takes a land-use change as one multipart/mixed upload (the JSON
 * metadata, then each scan as a part named {@code Content-ID: <sha256>}), reads it as it streams
 * in, checks every scan's SHA-256 and size against the metadata, answers a ticket and later calls
 * back with the registration. {@code GET _received} lists the last uploads as it saw them.
 */
final class LandRegistrySimulator implements AgencySimulator {

    private static final int KEEP = 50;
    private static final int MAX_METADATA = 1024 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADERS = 16 * 1024;

    private final ConcurrentLinkedDeque<JsonObject> received = new ConcurrentLinkedDeque<>();

    @Override
    public String id() {
        return "land-registry";
    }

    @Override
    public String requestId(String header, String body) {
        return header;
    }

    /** Verifies the upload while reading it; the "body" handed on is what was found, not the bytes. */
    @Override
    public String read(InputStream body, String contentType) throws IOException {
        long started = System.nanoTime();
        String boundary = MultipartParts.boundary(contentType);
        if (boundary == null) {
            return remember(summary(JsonValue.EMPTY_JSON_OBJECT, List.of(), 0, started,
                    "malformed: expected multipart/mixed with a boundary, got " + contentType));
        }
        JsonObject metadata = JsonValue.EMPTY_JSON_OBJECT;
        List<JsonObject> attachments = new ArrayList<>();
        long bytes = 0;
        try {
            MultipartParts parts = new MultipartParts(body, boundary, MAX_HEADERS);
            MultipartParts.Part part = parts.next();
            if (part == null || !"<metadata>".equals(part.header("Content-ID"))) {
                return remember(summary(metadata, attachments, 0, started,
                        "malformed: the first part must be the JSON metadata (Content-ID: <metadata>)"));
            }
            metadata = Json.createReader(new InputStreamReader(
                    new java.io.ByteArrayInputStream(part.content().readNBytes(MAX_METADATA)), StandardCharsets.UTF_8))
                    .readObject();
            Map<String, JsonObject> expected = new LinkedHashMap<>();
            JsonArray refs = metadata.getJsonArray("attachments");
            for (JsonObject ref : refs == null ? List.<JsonObject>of() : refs.getValuesAs(JsonObject.class)) {
                expected.put(ref.getString("sha256", ""), ref);
            }
            List<String> problems = new ArrayList<>();
            for (part = parts.next(); part != null; part = parts.next()) {
                String named = Objects.requireNonNullElse(part.header("Content-ID"), "").replaceAll("^<|>$", "");
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                long size = 0;
                byte[] buffer = new byte[BUFFER];
                InputStream content = part.content();
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    sha256.update(buffer, 0, n);
                    size += n;
                }
                bytes += size;
                String actual = HexFormat.of().formatHex(sha256.digest());
                JsonObject want = expected.remove(named);
                boolean verified = want != null && actual.equals(named)
                        && want.getJsonNumber("size") != null && want.getJsonNumber("size").longValue() == size;
                if (!verified) {
                    problems.add("part " + named + ": " + size + " bytes with SHA-256 " + actual
                            + (want == null ? ", not in the metadata" : ", the metadata says " + want));
                }
                attachments.add(Json.createObjectBuilder().add("sha256", actual).add("contentId", named)
                        .add("size", size).add("contentType", Objects.requireNonNullElse(part.header("Content-Type"), ""))
                        .add("verified", verified).build());
            }
            if (!expected.isEmpty()) {
                problems.add("attachments in the metadata but not uploaded: " + expected.keySet());
            }
            return remember(summary(metadata, attachments, bytes, started,
                    problems.isEmpty() ? null : "mismatch: " + String.join("; ", problems)));
        } catch (JsonException | IllegalStateException e) {
            return remember(summary(metadata, attachments, bytes, started, "malformed: metadata is not a JSON object"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            return remember(summary(metadata, attachments, bytes, started, "malformed: " + e.getMessage()));
        }
    }

    @Override
    public SandboxReply refusal(String summary) {
        JsonObject s = Json.createReader(new StringReader(summary)).readObject();
        String problem = s.getString("problem", "");
        if (problem.isEmpty()) {
            return null;
        }
        return new SandboxReply(problem.startsWith("mismatch") ? 422 : 400, "application/json",
                Json.createObjectBuilder().add("error", problem).build().toString());
    }

    @Override
    public SandboxReply act(String path, String summary, String requestId) {
        int count = Json.createReader(new StringReader(summary)).readObject().getJsonArray("attachments").size();
        return new SandboxReply(202, "application/json", Json.createObjectBuilder()
                .add("ticket", ticket(requestId)).add("status", "ACCEPTED").add("attachmentsReceived", count)
                .build().toString());
    }

    @Override
    public String callbackBody(String requestId) {
        String entry = SandboxNumbers.digits("bd:" + requestId, 8);
        return Json.createObjectBuilder()
                .add("ticket", ticket(requestId))
                .add("outcome", "DONE")
                .add("result", Json.createObjectBuilder()
                        .add("registrationNumber", "BD-" + entry)
                        .add("certificateSerial", "DA " + SandboxNumbers.digits("gcn:" + requestId, 6))
                        .add("cadastralUpdated", true))
                .add("summary", "Đất đai: đã đăng ký biến động, số vào sổ BD-" + entry)
                .build().toString();
    }

    @Override
    public JsonArray received() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        received.forEach(all::add);
        return all.build();
    }

    @Override
    public void reset() {
        received.clear();
    }

    static String ticket(String requestId) {
        return "DD-" + SandboxNumbers.digits("ticket:" + requestId, 10);
    }

    private String remember(JsonObject summary) {
        received.addLast(summary);
        while (received.size() > KEEP) {
            received.pollFirst();
        }
        return summary.toString();
    }

    private static JsonObject summary(JsonObject metadata, List<JsonObject> attachments, long bytes, long startedNanos,
                                      String problem) {
        JsonArrayBuilder parts = Json.createArrayBuilder();
        attachments.forEach(parts::add);
        var summary = Json.createObjectBuilder()
                .add("requestId", metadata.getString("requestId", ""))
                .add("dossierCode", metadata.getString("dossierCode", ""))
                .add("attachments", parts)
                .add("bytes", bytes)
                .add("readMillis", (System.nanoTime() - startedNanos) / 1_000_000);
        if (problem != null) {
            summary.add("problem", problem);
        }
        return summary.build();
    }
}
