package vn.lienthong.gateway.domain.exchange;

import java.util.List;
import java.util.Optional;

/** The configured agency connectors. */
public interface ConnectorDirectory {

    List<Connector> all();

    Optional<Connector> byId(String id);

    /** The enabled connector that serves a catalogue agency type (SOCIAL_INSURANCE, ...), if any. */
    Optional<Connector> forType(String agencyType);
}
