package vn.lienthong.gateway.infrastructure.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.notice.PermanentNoticeException;
import vn.lienthong.gateway.domain.notice.TransientNoticeException;

class MailFailuresTest {

    /** Shaped like Angus Mail's SMTPAddressFailedException: the reply code behind getReturnCode(). */
    static final class AddressRefused extends MessagingException {
        private static final long serialVersionUID = 1L;
        private final int code;

        AddressRefused(int code, String reply) {
            super(reply);
            this.code = code;
        }

        public int getReturnCode() {
            return code;
        }
    }

    @Test
    void anUnknownMailboxIsPermanent() {
        SendFailedException e = new SendFailedException("Invalid Addresses", new AddressRefused(550, "5.1.1 unknown"));
        assertInstanceOf(PermanentNoticeException.class, MailFailures.classify(e));
    }

    @Test
    void aFourHundredReplyIsTransient() {
        SendFailedException e = new SendFailedException("Invalid Addresses", new AddressRefused(451, "4.7.1 greylisted"));
        assertInstanceOf(TransientNoticeException.class, MailFailures.classify(e));
        assertInstanceOf(TransientNoticeException.class, MailFailures.classify(new MessagingException("421 4.3.2 busy")));
    }

    @Test
    void aReplyCodeAtTheStartOfTheMessageCountsToo() {
        assertEquals(554, MailFailures.replyCode(new MessagingException("554 5.7.1 relay denied")));
        assertInstanceOf(PermanentNoticeException.class,
                MailFailures.classify(new MessagingException("535 5.7.8 authentication failed")));
    }

    @Test
    void noReplyAtAllIsTransient() {
        assertInstanceOf(TransientNoticeException.class, MailFailures.classify(
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))));
        assertInstanceOf(TransientNoticeException.class, MailFailures.classify(
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))));
        assertEquals(0, MailFailures.replyCode(new MessagingException("Couldn't connect to host, port: 127.0.0.1, 25")));
    }
}
