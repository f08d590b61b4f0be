package vn.lienthong.gateway.routes;

import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.domain.notice.NoticeChannel;
import vn.lienthong.gateway.infrastructure.notice.CitizenMailer;
import vn.lienthong.gateway.infrastructure.notice.NoticeSettings;

/**
 * Sends citizen notices from their outbox, one route per channel: a timer claims due notices and
 * each goes to the SMS gateway's HTTP API or out by SMTP. Failures follow {@link NoticeErrorPolicy}.
 * A channel without a provider gets no route at all.
 */
@Dependent
public class NoticeRoutes extends RouteBuilder {

    private static final Logger LOG = Logger.getLogger(NoticeRoutes.class.getName());

    @Inject
    NoticeOutcomes outcomes;

    @Inject
    NoticeSettings settings;

    @Inject
    SmsRequests sms;

    @Inject
    CitizenMailer mailer;

    @Override
    public void configure() {
        boolean smsOn = settings.enabled(NoticeChannel.SMS);
        boolean emailOn = settings.enabled(NoticeChannel.EMAIL);
        LOG.info(() -> "Citizen notifications: SMS " + (smsOn ? "via " + settings.provider(NoticeChannel.SMS)
                : "off (lienthong.notify.sms.url unset)") + ", e-mail " + (emailOn ? "via "
                + settings.provider(NoticeChannel.EMAIL) : "off (lienthong.notify.email.host unset)"));
        if (smsOn) {
            from("timer:notice-drain-sms?period={{lienthong.notify.poll-ms}}&delay={{lienthong.notify.start-delay-ms}}")
                    .routeId("notice-drain-sms")
                    .bean(outcomes, "claimSms")
                    .split(body()).to("direct:notice-sms");
            from("direct:notice-sms").routeId("notice-sms").routeConfigurationId(NoticeErrorPolicy.ID)
                    .setProperty(NoticeOutcomes.NOTICE, body())
                    .setProperty("smsUrl", method(settings, "smsUrl"))
                    .setBody(method(sms, "request"))
                    .toD("${exchangeProperty.smsUrl}?throwExceptionOnFailure=false&copyHeaders=false"
                            + "&connectTimeout={{lienthong.notify.sms.connect-timeout-ms}}"
                            + "&responseTimeout={{lienthong.notify.sms.read-timeout-ms}}").id("call-sms-gateway")
                    .process(SmsRequests::judge)
                    .bean(outcomes, "sent");
        }
        if (emailOn) {
            from("timer:notice-drain-email?period={{lienthong.notify.poll-ms}}&delay={{lienthong.notify.start-delay-ms}}")
                    .routeId("notice-drain-email")
                    .bean(outcomes, "claimEmail")
                    .split(body()).to("direct:notice-email");
            from("direct:notice-email").routeId("notice-email").routeConfigurationId(NoticeErrorPolicy.ID)
                    .setProperty(NoticeOutcomes.NOTICE, body())
                    .bean(mailer, "send").id("call-smtp")
                    .bean(outcomes, "sent");
        }
    }
}
