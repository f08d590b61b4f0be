package vn.lienthong.gateway.infrastructure.notice;

import java.io.UnsupportedEncodingException;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.notice.PermanentNoticeException;

/**
 * Sends a notice as a plain-text UTF-8 e-mail through the configured SMTP server (Jakarta Mail,
 * as the server provides it). The Message-ID is the notice id, so a copy sent twice after a lost
 * reply is recognisable as the same message.
 */
@ApplicationScoped
public class CitizenMailer {

    static final String SENDER_NAME = "Bộ phận Một cửa";

    @Inject
    NoticeSettings settings;

    public void send(CitizenNotice notice) {
        Session session = Session.getInstance(settings.mailProperties());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + notice.noticeId() + "@lienthong.gateway>");
            }
        };
        try {
            message.setFrom(new InternetAddress(settings.mailFrom(), SENDER_NAME, "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(notice.recipient(), true));
            message.setSubject(notice.subject(), "UTF-8");
            message.setText(notice.body(), "UTF-8");
            message.setHeader("X-Request-Id", notice.noticeId());
            message.setHeader("X-Dossier-Code", notice.dossierCode().value());
            message.setSentDate(new Date());
            if (settings.mailUser().isPresent() && Boolean.parseBoolean(session.getProperty("mail.smtp.auth"))) {
                Transport.send(message, settings.mailUser().get(), settings.mailPassword());
            } else {
                Transport.send(message);
            }
        } catch (AddressException e) {
            throw new PermanentNoticeException("Not an e-mail address: " + e.getMessage(), e);
        } catch (UnsupportedEncodingException e) {
            throw new PermanentNoticeException("Cannot encode the sender's name: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw MailFailures.classify(e);
        }
    }
}
