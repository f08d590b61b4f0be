package vn.lienthong.gateway.routes;

import java.io.IOException;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteConfigurationBuilder;

import vn.lienthong.gateway.domain.notice.PermanentNoticeException;
import vn.lienthong.gateway.domain.notice.TransientNoticeException;

/**
 * The one error policy of citizen notices: a transient failure (refused connection, timeout,
 * 5xx, SMTP 4xx) goes back to the outbox, which retries with exponential backoff and jitter
 * until the last attempt makes it DEAD; a permanent one (SMS API 4xx, SMTP 5xx) is FAILED at once.
 */
@Dependent
public class NoticeErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "notice-delivery";

    @Inject
    NoticeOutcomes outcomes;

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(TransientNoticeException.class, IOException.class)
                    .handled(true).logExhausted(false).bean(outcomes, "transientFailure").end()
                .onException(PermanentNoticeException.class)
                    .handled(true).logExhausted(false).bean(outcomes, "permanentFailure").end();
    }
}
