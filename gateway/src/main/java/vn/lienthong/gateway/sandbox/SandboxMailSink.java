package vn.lienthong.gateway.sandbox;

import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.lienthong.gateway.domain.notice.NoticeChannel;
import vn.lienthong.gateway.infrastructure.config.SandboxMode;
import vn.lienthong.gateway.infrastructure.notice.NoticeSettings;
import vn.lienthong.gateway.infrastructure.persistence.DatabaseMigration;

/**
 * The sandbox's SMTP sink: GreenMail on a free loopback port, started with the application when
 * the sandbox is on and no SMTP server is configured. What it received is listed by
 * {@code GET /sandbox/mail/_sent}.
 */
@ApplicationScoped
public class SandboxMailSink {

    private static final Logger LOG = Logger.getLogger(SandboxMailSink.class.getName());

    @Inject
    NoticeSettings settings;

    @Inject
    SandboxMode mode;

    private GreenMail greenMail;

    void start(@Observes @Priority(DatabaseMigration.PRIORITY + 50) @Initialized(ApplicationScoped.class) Object started) {
        if (!NoticeSettings.SANDBOX.equals(settings.provider(NoticeChannel.EMAIL))) {
            return;
        }
        GreenMail sink = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        sink.start();
        greenMail = sink;
        int port = sink.getSmtp().getPort();
        mode.useSmtpPort(port);
        LOG.info(() -> "Sandbox SMTP sink listening on 127.0.0.1:" + port);
    }

    @PreDestroy
    synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    boolean running() {
        return greenMail != null;
    }

    /** Every e-mail received, oldest first; {@code to} keeps those to one address. */
    synchronized JsonObject sent(String to) throws MessagingException, IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (greenMail != null) {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                String recipients = addresses(m.getRecipients(Message.RecipientType.TO));
                if (to != null && !recipients.equalsIgnoreCase(to)) {
                    continue;
                }
                JsonObjectBuilder item = Json.createObjectBuilder()
                        .add("to", recipients)
                        .add("from", addresses(m.getFrom()))
                        .add("subject", m.getSubject() == null ? "" : m.getSubject())
                        .add("contentType", m.getContentType())
                        .add("messageId", m.getMessageID() == null ? "" : m.getMessageID())
                        .add("body", String.valueOf(m.getContent()));
                String[] requestId = m.getHeader("X-Request-Id");
                item.add("requestId", requestId == null ? "" : requestId[0]);
                list.add(item);
            }
        }
        return Json.createObjectBuilder().add("sent", list).build();
    }

    synchronized void reset() throws FolderException {
        if (greenMail != null) {
            greenMail.purgeEmailFromAllMailboxes();
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : String.join(",", Arrays.stream(addresses).map(a ->
                a instanceof jakarta.mail.internet.InternetAddress i ? i.getAddress() : a.toString()).toList());
    }
}
