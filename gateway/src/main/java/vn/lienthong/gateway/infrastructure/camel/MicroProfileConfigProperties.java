package vn.lienthong.gateway.infrastructure.camel;

import org.apache.camel.spi.PropertiesSource;
import org.eclipse.microprofile.config.Config;

/** Lets routes read {@code {{key}}} placeholders from MicroProfile Config (Camel 4 has no MP Config component). */
final class MicroProfileConfigProperties implements PropertiesSource {

    private final Config config;

    MicroProfileConfigProperties(Config config) {
        this.config = config;
    }

    @Override
    public String getName() {
        return "microprofile-config";
    }

    @Override
    public String getProperty(String name) {
        return config.getOptionalValue(name, String.class).orElse(null);
    }
}
