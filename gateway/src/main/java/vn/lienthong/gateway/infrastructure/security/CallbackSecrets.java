package vn.lienthong.gateway.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret each agency shares with the gateway to sign its callbacks:
 * {@code lienthong.agency.<id>.callback-secret}, or else one generated on first use in
 * {@code <data dir>/keys/callback-<id>.secret}, to hand to the agency.
 */
@ApplicationScoped
public class CallbackSecrets {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "lienthong.data.dir")
    String dataDir;

    private final ConcurrentMap<String, byte[]> secrets = new ConcurrentHashMap<>();

    public byte[] of(String agencyId) {
        return secrets.computeIfAbsent(agencyId, id -> config
                .getOptionalValue("lienthong.agency." + id + ".callback-secret", String.class)
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> generatedSecret(id)));
    }

    private byte[] generatedSecret(String agencyId) {
        Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("keys").resolve("callback-" + agencyId + ".secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
                if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.move(tmp, file);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    Files.delete(tmp); // another thread wrote it first; use theirs
                }
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the callback secret " + file, e);
        }
    }
}
