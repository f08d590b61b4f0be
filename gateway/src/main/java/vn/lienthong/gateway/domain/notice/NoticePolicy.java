package vn.lienthong.gateway.domain.notice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import vn.lienthong.gateway.domain.exchange.RetrySchedule;

/**
 * What the notice use cases need to know about notifications: which channels are on, where the
 * public look-up of a dossier is, how often a notice is tried and how many are claimed at a time.
 * How a notice travels (SMS API, SMTP) is the transports' business, not this.
 */
public record NoticePolicy(Set<NoticeChannel> channels, String publicBaseUrl, RetrySchedule retries, int batchSize,
                           Duration lease) {

    public NoticePolicy {
        channels = Set.copyOf(channels);
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    public boolean enabled(NoticeChannel channel) {
        return channels.contains(channel);
    }

    /**
     * The citizen's look-up page ({@code /tra-cuu}) with the dossier's code ({@code ma}) filled in, as
     * notices give it: a page a phone opens, not the JSON API behind it. The citizen adds the phone digits there.
     */
    public String lookupUrl(String dossierCode) {
        return publicBaseUrl + "/tra-cuu?ma=" + URLEncoder.encode(dossierCode, StandardCharsets.UTF_8);
    }
}
