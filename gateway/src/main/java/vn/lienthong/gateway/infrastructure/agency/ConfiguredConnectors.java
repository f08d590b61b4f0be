package vn.lienthong.gateway.infrastructure.agency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;

/**
 * The agency connectors named in {@code lienthong.agencies}, each described by
 * {@code lienthong.agency.<id>.*} keys (see microprofile-config.properties).
 */
@ApplicationScoped
public class ConfiguredConnectors implements ConnectorDirectory {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "lienthong.agencies")
    List<String> ids;

    @Override
    public List<Connector> all() {
        return ids.stream().map(String::trim).filter(s -> !s.isEmpty()).map(this::read).toList();
    }

    @Override
    public Optional<Connector> byId(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Connector> forType(String agencyType) {
        return all().stream().filter(c -> c.enabled() && c.type().equals(agencyType)).findFirst();
    }

    private Connector read(String id) {
        String p = "lienthong.agency." + id + ".";
        return new Connector(id,
                config.getOptionalValue(p + "name", String.class).orElse(id),
                config.getOptionalValue(p + "code", String.class).orElse(""),
                config.getValue(p + "type", String.class),
                config.getOptionalValue(p + "async", Boolean.class).orElse(false),
                config.getOptionalValue(p + "enabled", Boolean.class).orElse(true),
                new RetrySchedule(config.getOptionalValue(p + "max-attempts", Integer.class).orElse(8),
                        Duration.ofMillis(config.getOptionalValue(p + "retry-initial-ms", Long.class).orElse(1000L)),
                        Duration.ofMillis(config.getOptionalValue(p + "retry-max-ms", Long.class).orElse(300_000L))),
                config.getOptionalValue(p + "attachments", Boolean.class).orElse(false));
    }
}
