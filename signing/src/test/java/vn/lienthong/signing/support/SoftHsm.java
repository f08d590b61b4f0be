package vn.lienthong.signing.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh SoftHSM2 token for a test: its directory is the one of {@code SOFTHSM2_CONF}, which each
 * module's surefire points under target/, so the system's tokens are never touched. A missing
 * SoftHSM2 fails the test (CI installs it), it is not skipped.
 */
public final class SoftHsm {
    public static final char[] PIN = "123456".toCharArray();
    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"), Path.of("/usr/lib64/libsofthsm2.so"));

    private SoftHsm() {
    }

    /**
     * Wipes the token directory, initialises one empty token labelled {@code label} with {@link #PIN},
     * and answers a SunPKCS11 configuration file for it named {@code name}, ending with {@code extra}.
     */
    public static Path freshToken(String label, String name, String extra) {
        Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElse(null);
        assertTrue(library != null && Tool.available("softhsm2-util"),
                "SoftHSM2 is not installed (apt-get install softhsm2; .ci/run does it)");
        String conf = System.getenv("SOFTHSM2_CONF");
        assertTrue(conf != null, "SOFTHSM2_CONF is unset: run through Maven, whose surefire sets it under target/");
        Path work = Path.of(conf).getParent();
        try {
            deleteTree(work);
            Path tokens = Files.createDirectories(work.resolve("tokens"));
            Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n");
            Tool.Result init = Tool.run(List.of("softhsm2-util", "--init-token", "--free", "--label", label,
                    "--pin", new String(PIN), "--so-pin", "654321"), Map.of("SOFTHSM2_CONF", conf));
            assertEquals(0, init.exitCode(), init.output());
            return Files.writeString(work.resolve("pkcs11.cfg"), "name = " + name + "\nlibrary = " + library
                    + "\nslotListIndex = 0\n" + extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
