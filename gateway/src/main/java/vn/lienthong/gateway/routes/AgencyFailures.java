package vn.lienthong.gateway.routes;

import java.io.IOException;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.infrastructure.agency.SandboxAddressUnknownException;

/**
 * Sorts what went wrong in a call to an agency into transient and permanent failures. The text of
 * a failure goes into the log, the outbox's last error and the dossier's processing record, which
 * officers read; agencies echo citizen IDs and phone numbers in their error bodies, so the text is
 * masked here, where it is made (the message's payload and result keep the evidence in clear).
 */
public final class AgencyFailures {

    private AgencyFailures() {
    }

    public static AgencyCallException classify(Throwable failure) {
        if (failure instanceof AgencyCallException known) {
            return known;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof SandboxAddressUnknownException) {
                // Refused, reset, timed out, no response: the network or the agency is having a bad moment.
                return new TransientAgencyException(describe(t), failure);
            }
        }
        return new PermanentAgencyException("Unexpected failure: " + describe(failure), failure);
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
