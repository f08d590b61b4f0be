package vn.lienthong.gateway.routes;

import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.application.NoticeDeliveries;
import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.notice.NoticeChannel;

/** Between the notice routes and the notice use cases: claims due notices and records each outcome. */
@ApplicationScoped
public class NoticeOutcomes {

    /** Exchange property holding the CitizenNotice being sent. */
    public static final String NOTICE = "lienthongCitizenNotice";
    private static final Logger LOG = Logger.getLogger(NoticeOutcomes.class.getName());

    @Inject
    NoticeDeliveries deliveries;

    public List<CitizenNotice> claimSms() {
        return claim(NoticeChannel.SMS);
    }

    public List<CitizenNotice> claimEmail() {
        return claim(NoticeChannel.EMAIL);
    }

    /** What a stopped or killed gateway left in flight is claimed again when its lease runs out. */
    private List<CitizenNotice> claim(NoticeChannel channel) {
        return deliveries.claimDue(channel);
    }

    public void sent(Exchange exchange) {
        deliveries.sent(notice(exchange).noticeId());
    }

    public void transientFailure(Exchange exchange) {
        CitizenNotice n = notice(exchange);
        String reason = reason(exchange);
        LOG.info(() -> n.channel() + " notice " + n.noticeId() + " not sent yet, retrying later: " + reason);
        deliveries.retryLater(n.noticeId(), reason);
    }

    public void permanentFailure(Exchange exchange) {
        deliveries.failed(notice(exchange).noticeId(), reason(exchange));
    }

    /** Provider replies may quote the address or number: masked before they are logged or stored. */
    private static String reason(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String text = cause == null ? "unknown" : cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        text = PersonalDataMask.mask(text);
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static CitizenNotice notice(Exchange exchange) {
        return exchange.getProperty(NOTICE, CitizenNotice.class);
    }
}
