package vn.lienthong.gateway.infrastructure.notice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import vn.lienthong.gateway.domain.exchange.RetrySchedule;
import vn.lienthong.gateway.domain.notice.NoticeChannel;
import vn.lienthong.gateway.domain.notice.TransientNoticeException;
import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.sandbox.SandboxSwitch;

/**
 * The notification settings (lienthong.notify.*, docs/notifications.md). A channel is on when its
 * provider is configured: {@code lienthong.notify.sms.url} for SMS, {@code lienthong.notify.email.host}
 * for e-mail. Unset, they point at the sandbox sinks when the sandbox is on, and stay off otherwise.
 */
@ApplicationScoped
public class NoticeSettings {

    /** Stands for this gateway's own sandbox sink, in either setting. */
    public static final String SANDBOX = "sandbox";

    @Inject
    Config config;

    @Inject
    SandboxSwitch sandbox;

    @Inject
    AgencyAddresses addresses;

    private volatile int sandboxSmtpPort;
    private volatile String contextPath = "";

    public boolean enabled(NoticeChannel channel) {
        return !provider(channel).isEmpty();
    }

    /** The configured provider of a channel: a URL or SMTP host, {@value #SANDBOX}, or empty when off. */
    public String provider(NoticeChannel channel) {
        String key = channel == NoticeChannel.SMS ? "lienthong.notify.sms.url" : "lienthong.notify.email.host";
        return text(key).orElse(sandbox.enabled() ? SANDBOX : "");
    }

    /** Where SMS are posted; the sandbox sink's address is known once the gateway has served a request. */
    public String smsUrl() {
        String url = provider(NoticeChannel.SMS);
        if (!url.equals(SANDBOX)) {
            return url;
        }
        return addresses.sandboxBase().map(base -> base + contextPath + "/sandbox/sms/messages").orElseThrow(() ->
                new TransientNoticeException("The sandbox SMS sink's address is not known yet "
                        + "(no request served so far; set lienthong.sandbox.base-url)", null));
    }

    /** The SMS API's "Authorization" header value, or null when no API key is configured. */
    public String smsAuthorization() {
        return text("lienthong.notify.sms.api-key").map(k -> "Bearer " + k).orElse(null);
    }

    public String smsSender() {
        return text("lienthong.notify.sms.sender").orElse("LIENTHONG");
    }

    /** Jakarta Mail session properties for the configured SMTP server (or the sandbox sink). */
    public Properties mailProperties() {
        String host = provider(NoticeChannel.EMAIL);
        boolean sink = host.equals(SANDBOX);
        if (sink && sandboxSmtpPort == 0) {
            throw new TransientNoticeException("The sandbox SMTP sink has not started yet", null);
        }
        String timeout = text("lienthong.notify.email.timeout-ms").orElse("10000");
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", sink ? "127.0.0.1" : host);
        p.put("mail.smtp.port", sink ? String.valueOf(sandboxSmtpPort) : text("lienthong.notify.email.port").orElse("587"));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        boolean startTls = !sink && Boolean.parseBoolean(text("lienthong.notify.email.starttls").orElse("true"));
        p.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        p.put("mail.smtp.starttls.required", String.valueOf(startTls));
        p.put("mail.smtp.auth", String.valueOf(!sink && mailUser().isPresent()));
        p.put("mail.mime.charset", "UTF-8");
        return p;
    }

    public Optional<String> mailUser() {
        return text("lienthong.notify.email.user");
    }

    public String mailPassword() {
        return text("lienthong.notify.email.password").orElse("");
    }

    public String mailFrom() {
        return text("lienthong.notify.email.from").orElse("mot-cua@lienthong.invalid");
    }

    /** The citizen's look-up page with the dossier's code filled in, as notices give it. */
    public String lookupUrl(String dossierCode) {
        return lookupUrl(text("lienthong.public-base-url").orElse("http://127.0.0.1:8080"), dossierCode);
    }

    /**
     * The look-up page ({@code /tra-cuu}) under the gateway's public address, with {@code ma} (the code)
     * filled in: a page a phone opens, not the JSON API behind it. The citizen adds the phone digits there.
     */
    static String lookupUrl(String publicBaseUrl, String dossierCode) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/tra-cuu?ma=" + URLEncoder.encode(dossierCode, StandardCharsets.UTF_8);
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(number("lienthong.notify.max-attempts", 10),
                Duration.ofMillis(number("lienthong.notify.retry-initial-ms", 1000)),
                Duration.ofMillis(number("lienthong.notify.retry-max-ms", 600_000)));
    }

    public int batchSize() {
        return number("lienthong.notify.batch-size", 50);
    }

    public Duration lease() {
        return Duration.ofSeconds(number("lienthong.notify.lease-seconds", 60));
    }

    /** Called by the sandbox sinks' servlet: where the application is deployed ("" at the root). */
    public void useContextPath(String path) {
        contextPath = path == null ? "" : path;
    }

    /** Called by the sandbox SMTP sink once it listens. */
    public void useSandboxSmtpPort(int port) {
        sandboxSmtpPort = port;
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private int number(String key, int fallback) {
        return text(key).map(Integer::parseInt).orElse(fallback);
    }
}
