package vn.lienthong.gateway.infrastructure.agency;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/** Tells {@link AgencyAddresses} which port this gateway listens on, from the first request. */
@WebListener
public class LocalPortListener implements ServletRequestListener {

    @Inject
    AgencyAddresses addresses;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!addresses.knowsSandbox()) {
            addresses.learn(event.getServletRequest().getLocalPort());
        }
    }
}
