package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The land registry connector end to end on the runnable jar with a 256 MB heap: a land-use change
 * dossier gets a 100 MB scan, streamed in and out again to the sandbox land registry, which checks
 * its SHA-256; the callback applies the registration. Prints upload and delivery throughput next
 * to this machine's raw disk write speed, measured in the same run.
 */
class LandRegistryIT {

    private static final long SIZE = 100L * 1024 * 1024;
    private static final long SEED = 20_261_008L;
    private static final String AGENCY = "000.00.20.H30";
    private static final String LAND_USE_CHANGE = "1.004227";

    @Test
    void aHundredMegabyteScanReachesTheLandRegistryWithA256MegabyteHeap() throws IOException {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("land-registry");
        try (RunnableJar gateway = RunnableJar.start(work.resolve("data"), work, new RunnableJar.Launch(
                Stream.concat(RunnableJar.STEADY_STATE_JVM.stream(), Stream.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError")).toList(), List.of(), Map.of()))) {
            GatewayHttp desk = gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
            double diskMBps = rawDiskWrite(work);
            String expectedSha256 = sha256(new GeneratedScan(SEED, SIZE));

            GatewayHttp.Reply created = desk.post("api/v1/dossiers",
                    GatewayHttp.submission(LAND_USE_CHANGE, AGENCY, "001190012348"));
            assertEquals(201, created.status(), created::toString);
            String code = created.json().getString("code");
            assertEquals("HELD", landExchange(desk, code).getString("status"), "waits for the scans");

            long residentBefore = gateway.residentKiB() / 1024;
            long uploadStart = System.nanoTime();
            GatewayHttp.Reply uploaded = desk.send(HttpRequest.newBuilder(desk.resolve("api/v1/dossiers/" + code + "/attachments"))
                    .header("Content-Type", "application/pdf")
                    .header("X-File-Name", "gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn.pdf")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedScan(SEED, SIZE)), SIZE)));
            double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
            assertEquals(201, uploaded.status(), uploaded::toString);
            JsonObject attachment = uploaded.json();
            assertEquals(expectedSha256, attachment.getString("sha256"));
            assertEquals(SIZE, attachment.getJsonNumber("size").longValue());
            assertEquals("application/pdf", attachment.getString("contentType"));
            assertEquals("giấy chứng nhận.pdf", attachment.getString("fileName"));

            GatewayHttp.Reply notAScan = desk.send(HttpRequest.newBuilder(desk.resolve("api/v1/dossiers/" + code + "/attachments"))
                    .header("Content-Type", "application/pdf").header("X-File-Name", "archive.pdf")
                    .POST(HttpRequest.BodyPublishers.ofString("PK\u0003\u0004 a zip, named .pdf")));
            assertEquals(415, notAScan.status(), notAScan::toString);
            assertTrue(notAScan.contentType().startsWith("application/problem+json"), notAScan::toString);
            GatewayHttp leader = gateway.http().as(gateway.tokens().token(DemoTokens.LEADER, AGENCY));
            assertEquals(1, leader.get("api/v1/dossiers/" + code + "/attachments").json().getJsonArray("attachments").size());

            long handOver = System.nanoTime();
            GatewayHttp.Reply step = desk.post("api/v1/dossiers/" + code + "/steps",
                    "{\"toUnit\": \"Văn phòng đăng ký đất đai\", \"toAgency\": \"land-registry\", "
                            + "\"note\": \"Chuyển hồ sơ đăng ký biến động kèm bản scan\"}");
            assertEquals(200, step.status(), step::toString);
            JsonObject done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> landExchange(alive(gateway), code), x -> !List.of("HELD", "PENDING", "IN_FLIGHT",
                            "ACCEPTED").contains(x.getString("status")));
            double deliverySeconds = (System.nanoTime() - handOver) / 1e9;
            assertEquals("DONE", done.getString("status"), done::toString);
            assertTrue(done.getJsonObject("result").getString("registrationNumber").matches("BD-\\d{8}"), done::toString);

            JsonObject seen = desk.get("sandbox/land-registry/_received").json().getJsonArray("received")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("dossierCode").equals(code)).findFirst().orElseThrow();
            JsonObject part = seen.getJsonArray("attachments").getJsonObject(0);
            assertEquals(expectedSha256, part.getString("sha256"), seen::toString);
            assertEquals(SIZE, part.getJsonNumber("size").longValue());
            assertTrue(part.getBoolean("verified"), seen::toString);
            JsonObject stats = desk.get("sandbox/land-registry/_stats").json();
            assertEquals(1, stats.getInt("effects"), stats::toString);

            assertTrue(gateway.alive(), "the gateway is still running (it would exit on OutOfMemoryError)");
            assertEquals("UP", desk.get("health").json().getString("status"));
            assertFalse(Files.readString(gateway.log(), StandardCharsets.ISO_8859_1).contains("OutOfMemoryError"));

            double mb = SIZE / 1e6;
            long readMillis = Math.max(1, seen.getJsonNumber("readMillis").longValue());
            System.out.printf("land registry, 100 MiB scan, -Xmx256m: upload %.0f MB/s (%.2f s), delivery to the "
                            + "sandbox %.0f MB/s (%.2f s read by the agency; hand-over to callback %.2f s), raw disk "
                            + "write with fsync %.0f MB/s; resident memory %d MiB before, %d MiB after%n",
                    mb / uploadSeconds, uploadSeconds, mb / (readMillis / 1000.0), readMillis / 1000.0,
                    deliverySeconds, diskMBps, residentBefore, gateway.residentKiB() / 1024);
        }
    }

    /** The desk's client, once the gateway is known to be running: a dead one fails the test with its reason. */
    private static GatewayHttp alive(RunnableJar gateway) {
        if (!gateway.alive()) {
            throw new AssertionError("The gateway exited (with -XX:+ExitOnOutOfMemoryError: out of heap?); see "
                    + gateway.log());
        }
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
    }

    private static JsonObject landExchange(GatewayHttp desk, String code) {
        return desk.get("api/v1/dossiers/" + code).json().getJsonArray("exchanges").getValuesAs(JsonObject.class)
                .stream().filter(x -> x.getString("agency").equals("land-registry")).findFirst().orElseThrow();
    }

    /** What this disk gives to a plain write of the same bytes, forced to disk: the ceiling for any upload. */
    private static double rawDiskWrite(Path work) throws IOException {
        Path file = Files.createTempFile(work, "raw-disk", ".bin");
        try (InputStream scan = new GeneratedScan(SEED, SIZE);
             FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[64 * 1024];
            long start = System.nanoTime();
            for (int n = scan.read(buffer); n >= 0; n = scan.read(buffer)) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            return SIZE / 1e6 / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A PDF-looking scan of any length, made up as it is read: seeded, so every reading gives the
     * same bytes whatever the chunk sizes, and never more than one 64 KiB block in memory.
     */
    static final class GeneratedScan extends InputStream {
        private static final int BLOCK = 64 * 1024;
        private final long seed;
        private final long size;
        private final byte[] block = new byte[BLOCK];
        private long position;
        private long blockIndex = -1;

        GeneratedScan(long seed, long size) {
            this.seed = seed;
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            long index = position / BLOCK;
            if (index != blockIndex) {
                fill(index);
            }
            int inBlock = (int) (position % BLOCK);
            int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
            System.arraycopy(block, inBlock, b, off, n);
            position += n;
            return n;
        }

        private void fill(long index) {
            SplittableRandom random = new SplittableRandom(seed * 31 + index);
            for (int i = 0; i < BLOCK; i += 8) {
                long r = random.nextLong();
                for (int j = 0; j < 8; j++) {
                    block[i + j] = (byte) (r >>> (8 * j));
                }
            }
            if (index == 0) {
                byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(header, 0, block, 0, header.length);
            }
            blockIndex = index;
        }
    }
}
