package vn.lienthong.gateway.routes;

import java.io.IOException;

import javax.net.ssl.SSLException;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.infrastructure.agency.AgencyTlsException;
import vn.lienthong.gateway.infrastructure.agency.SandboxAddressUnknownException;
import vn.lienthong.gateway.infrastructure.messagelog.MessageLogException;

/**
 * Sorts what went wrong in a call to an agency into transient and permanent failures. The text of
 * a failure goes into the log, the outbox's last error and the dossier's processing record, which
 * officers read; agencies echo citizen IDs and phone numbers in their error bodies, so the text is
 * masked here, where it is made (the message's payload and result keep the evidence in clear).
 */
public final class AgencyFailures {

    private AgencyFailures() {
    }

    /** The typed failure of a call to {@code agencyId}; TLS failures name that agency's configuration keys. */
    public static AgencyCallException classify(Throwable failure, String agencyId) {
        if (failure instanceof AgencyCallException known) {
            return known;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof AgencyTlsException) {
                // Transient on purpose: an operator fixes a truststore or a certificate without the message
                // being lost; the short reason shows on the exchange and in the history when retries run out.
                return new TransientAgencyException(tlsReason(t, agencyId), failure);
            }
            if (t instanceof IOException || t instanceof SandboxAddressUnknownException) {
                // Refused, reset, timed out, no response: the network or the agency is having a bad moment.
                return new TransientAgencyException(describe(t), failure);
            }
            if (t instanceof MessageLogException) {
                // Not the agency's fault: nothing goes out unlogged, so the outbox tries again later.
                return new TransientAgencyException(describe(t), failure);
            }
        }
        return new PermanentAgencyException("Unexpected failure: " + describe(failure), failure);
    }

    /** In an adapter route's doCatch: throws what was caught again, typed, for the agency being called. */
    static void rethrowTyped(Exchange exchange) {
        throw classify(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class),
                exchange.getProperty(AgencyAdapters.AGENCY_ID, String.class));
    }

    /** Throws the typed failure for an HTTP status that is not 2xx: 408, 429 and 5xx are transient. */
    public static void requireSuccess(Exchange exchange, String agency) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            return;
        }
        String body = excerpt(exchange.getMessage().getBody(String.class));
        String message = agency + " answered HTTP " + status + (body.isEmpty() ? "" : ": " + body);
        if (status == 408 || status == 429 || status >= 500) {
            throw new TransientAgencyException(message, null);
        }
        throw new PermanentAgencyException(message, null);
    }

    /**
     * A TLS failure in a line an operator can act on; the JDK's own messages name internal classes
     * ("PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: …").
     */
    static String tlsReason(Throwable t, String agencyId) {
        if (t instanceof AgencyTlsException) {
            return t.getMessage();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (message.contains("PKIX path") || message.contains("unable to find valid certification path")) {
            return "Lỗi TLS / TLS handshake failed: chứng chỉ của cơ quan không được tin cậy / the agency's certificate "
                    + "is not trusted (PKIX path building failed); check lienthong.tls.truststore or "
                    + "lienthong.agency." + agencyId + ".truststore";
        }
        if (message.contains("doesn't match") || message.contains("No subject alternative")) {
            return "Lỗi TLS / TLS handshake failed: chứng chỉ không khớp tên máy / the agency's certificate does not "
                    + "name this host: " + excerpt(message);
        }
        if (message.contains("bad_certificate") || message.contains("certificate_required")
                || (message.contains("certificate_unknown") && !message.contains("PKIX"))) {
            return "Lỗi TLS / TLS handshake failed: cơ quan từ chối chứng chỉ máy khách / the agency refused the "
                    + "gateway's client certificate (" + excerpt(message) + "); check lienthong.agency." + agencyId + ".keystore";
        }
        return "Lỗi TLS / TLS handshake failed: " + excerpt(message);
    }

    public static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + PersonalDataMask.mask(t.getMessage()));
    }

    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        // Masked before it is cut, so a number cut in half cannot slip through as a shorter one.
        String flat = PersonalDataMask.mask(body.replaceAll("\\s+", " ").trim());
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
