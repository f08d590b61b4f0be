package vn.lienthong.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR that the gateway module built, as Arquillian deploys it. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive gatewayWar() {
        File war = new File(System.getProperty("gateway.war", "../gateway/target/lienthong-gateway.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the gateway first: " + war + " is missing");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
