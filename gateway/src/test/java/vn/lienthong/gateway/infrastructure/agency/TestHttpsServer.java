package vn.lienthong.gateway.infrastructure.agency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * An agency stand-in on loopback HTTPS (the JDK's server): presents {@code certificate}; with a
 * client CA, demands a client certificate from it (mutual TLS). {@code /ping} answers "ok",
 * {@code /token} an OAuth2 token named after the client certificate's CN.
 */
public final class TestHttpsServer implements AutoCloseable {

    private final HttpsServer server;
    private final AtomicReference<String> lastClient = new AtomicReference<>("none");

    public TestHttpsServer(TestPki.Issued certificate, X509Certificate clientCa) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SSLContext tls = serverContext(certificate, clientCa);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = tls.getDefaultSSLParameters();
                    p.setNeedClientAuth(clientCa != null);
                    params.setSSLParameters(p);
                }
            });
            server.createContext("/ping", ex -> answer(ex, "text/plain", "ok"));
            server.createContext("/token", ex -> answer(ex, "application/json",
                    "{\"access_token\":\"t-" + client(ex).replaceAll(".*CN=([^,]+).*", "$1") + "\",\"expires_in\":300}"));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The subject of the client certificate of the last request, or "none". */
    public String lastClient() {
        return lastClient.get();
    }

    private String client(com.sun.net.httpserver.HttpExchange exchange) {
        try {
            return ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return "none";
        }
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange, String type, String body) throws IOException {
        lastClient.set(client(exchange));
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static SSLContext serverContext(TestPki.Issued certificate, X509Certificate clientCa) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", certificate.keys().getPrivate(), "pw".toCharArray(), certificate.chain());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "pw".toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            if (clientCa != null) {
                trusted.setCertificateEntry("client-ca", clientCa);
            }
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
