package vn.lienthong.gateway.infrastructure.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.engine.DefaultClassResolver;

/**
 * Camel's class resolver that reads Camel's own factory files ({@code META-INF/services/org/apache/camel/...})
 * from the WAR's jars only, never from the server's class loaders above it.
 *
 * <p>Why: Camel looks up dozens of optional factories at start, most of which are absent. The WAR's
 * class loader asks its parent first, and Payara's API class loader rebuilds its module metadata on
 * every such look-up; that was about a second of CPU of each start (docs/benchmark.md). Camel is not
 * part of Payara, so every Camel factory file the gateway has is in WEB-INF/lib. Classes, and every
 * other resource, still resolve through the usual delegation.
 */
final class WarClassResolver extends DefaultClassResolver {

    static final String CAMEL_FACTORIES = "META-INF/services/org/apache/camel/";

    private final ClassLoader war;

    WarClassResolver(CamelContext camel, ClassLoader war) {
        super(camel);
        this.war = war;
    }

    @Override
    public InputStream loadResourceAsStream(String uri) {
        if (!ownFactoryFile(uri)) {
            return super.loadResourceAsStream(uri);
        }
        URL url = loadResourceAsURL(uri);
        try {
            return url == null ? null : url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Camel's factory file " + url, e);
        }
    }

    @Override
    public URL loadResourceAsURL(String uri) {
        return ownFactoryFile(uri) ? ((URLClassLoader) war).findResource(strip(uri)) : super.loadResourceAsURL(uri);
    }

    @Override
    public Enumeration<URL> loadResourcesAsURL(String uri) {
        return ownFactoryFile(uri) ? all(uri) : super.loadResourcesAsURL(uri);
    }

    @Override
    public Enumeration<URL> loadAllResourcesAsURL(String uri) {
        return ownFactoryFile(uri) ? all(uri) : super.loadAllResourcesAsURL(uri);
    }

    private Enumeration<URL> all(String uri) {
        try {
            return ((URLClassLoader) war).findResources(strip(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list Camel's factory files " + uri, e);
        }
    }

    /** Only a URL class loader (the WAR's, in Payara) can be asked for its own resources alone. */
    private boolean ownFactoryFile(String uri) {
        return war instanceof URLClassLoader && strip(uri).startsWith(CAMEL_FACTORIES);
    }

    private static String strip(String uri) {
        return uri.startsWith("/") ? uri.substring(1) : uri;
    }
}
