package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.notice.PermanentNoticeException;
import vn.lienthong.gateway.domain.notice.TransientNoticeException;
import vn.lienthong.gateway.infrastructure.notice.NoticeSettings;

/**
 * The SMS gateway's HTTP API as the gateway speaks it: a JSON POST {@code {requestId, to, from, text}}
 * with the notice id as {@code X-Request-Id}, so a retry after a lost reply is de-duplicated by the
 * provider; and how a reply is judged.
 */
@ApplicationScoped
public class SmsRequests {

    static final String REQUEST_ID = "X-Request-Id";

    @Inject
    NoticeSettings settings;

    public String request(Exchange exchange) {
        CitizenNotice n = exchange.getProperty(NoticeOutcomes.NOTICE, CitizenNotice.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getMessage().setHeader(REQUEST_ID, n.noticeId());
        String authorization = settings.smsAuthorization();
        if (authorization != null) {
            exchange.getMessage().setHeader("Authorization", authorization);
        }
        return Json.createObjectBuilder().add("requestId", n.noticeId()).add("to", n.recipient())
                .add("from", settings.smsSender()).add("text", n.body()).build().toString();
    }

    /** 2xx: sent. 408, 429 and 5xx: try again later. Any other answer: the provider refuses this SMS for good. */
    public static void judge(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status >= 200 && status < 300) {
            return;
        }
        String body = exchange.getMessage().getBody(String.class);
        String excerpt = PersonalDataMask.mask(body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body);
        String message = "SMS gateway answered HTTP " + status + ": " + excerpt;
        if (status == null || status == 408 || status == 429 || status >= 500) {
            throw new TransientNoticeException(message, null);
        }
        throw new PermanentNoticeException(message, null);
    }
}
