package vn.lienthong.gateway.infrastructure.agency;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells {@link AgencyAddresses} which port this gateway listens on, from the first plain-HTTP
 * request: the HTTPS listener's certificate names the public host, not 127.0.0.1.
 */
@WebListener
public class LocalPortListener implements ServletRequestListener {

    @Inject
    AgencyAddresses addresses;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!addresses.knowsSandbox() && !event.getServletRequest().isSecure()) {
            addresses.learn(event.getServletRequest().getLocalPort());
        }
    }
}
