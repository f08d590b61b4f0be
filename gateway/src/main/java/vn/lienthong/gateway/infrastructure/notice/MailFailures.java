package vn.lienthong.gateway.infrastructure.notice;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;

import vn.lienthong.gateway.domain.notice.NoticeDeliveryException;
import vn.lienthong.gateway.domain.notice.PermanentNoticeException;
import vn.lienthong.gateway.domain.notice.TransientNoticeException;

/**
 * Whether an SMTP failure is worth a retry. The server's reply code decides: 4xx (mailbox busy,
 * greylisting, rate limit) is transient, 5xx (unknown address, refused, authentication) is not.
 * No reply at all (refused connection, timeout, broken stream) is transient.
 */
final class MailFailures {

    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([245])\\d\\d[ -]");

    private MailFailures() {
    }

    static NoticeDeliveryException classify(MessagingException e) {
        String message = describe(e);
        int code = replyCode(e);
        if (code >= 500) {
            return new PermanentNoticeException("SMTP server refused the e-mail: " + message, e);
        }
        return new TransientNoticeException((code >= 400 ? "SMTP server deferred the e-mail: "
                : hasIoCause(e) ? "SMTP server unreachable: " : "E-mail not sent: ") + message, e);
    }

    /**
     * The SMTP reply code of the failure or of an exception it chains, or 0. The provider's
     * exceptions (SMTPSendFailedException, SMTPAddressFailedException) carry it as
     * {@code getReturnCode()}; they are the server's classes, so it is read without naming them.
     */
    static int replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            try {
                Method m = t.getClass().getMethod("getReturnCode");
                Object code = m.invoke(t);
                if (code instanceof Integer i && i >= 200) {
                    return i;
                }
            } catch (ReflectiveOperationException | SecurityException notThere) {
                // no reply code on this one; look at its message and the next in the chain
            }
            Matcher leading = LEADING_CODE.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (leading.find()) {
                return Integer.parseInt(t.getMessage().trim().substring(0, 3));
            }
        }
        return 0;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 4; t = next(t), depth++) {
            if (t.getMessage() != null && s.indexOf(t.getMessage().trim()) < 0) {
                s.append(s.length() == 0 ? "" : " / ").append(t.getMessage().trim());
            }
        }
        return s.toString();
    }
}
