package vn.lienthong.gateway.infrastructure.messagelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.tsp.TimestampSource;

/** A migrated database, the gateway's signer from a throw-away PKI, and a clock tests can move. */
public final class TestMessageLogs {

    private static final TrialPki PKI = TrialPki.create("Lien Thong test CA");
    private static final TrialPki.Issued GATEWAY = PKI.issue(TrialPki.Profile.signer("Lien Thong gateway test",
            "Test", "RSA"));
    /** Another key than the gateway's, for forged signatures. */
    private static final TrialPki.Issued STRANGER = PKI.issue(TrialPki.Profile.signer("Somebody else", "Test", "EC"));

    private TestMessageLogs() {
    }

    /** A fresh in-memory H2 database at the newest schema, for the tests that use the log, not test its SQL. */
    public static DataSource database() {
        return TestDatabase.H2.fresh();
    }

    public static ChainSigner gatewaySigner() {
        return new CmsChainSigner(Pkcs12KeySource.ofKey(GATEWAY.key(), GATEWAY.chain(), ProviderPreference.JDK));
    }

    /** The gateway's signer with signature time-stamps (CAdES-BASELINE-T) from {@code tsa}. */
    public static ChainSigner gatewaySigner(TimestampSource tsa) {
        return new CmsChainSigner(Pkcs12KeySource.ofKey(GATEWAY.key(), GATEWAY.chain(), ProviderPreference.JDK), tsa);
    }

    public static ChainSigner strangerSigner() {
        return new CmsChainSigner(Pkcs12KeySource.ofKey(STRANGER.key(), STRANGER.chain(), ProviderPreference.JDK));
    }

    public static ChainedMessageLog open(DataSource ds, Clock clock, long batchRecords) {
        ChainSigner signer = gatewaySigner();
        return new ChainedMessageLog(ds, () -> signer, clock, Thread::new,
                new ChainedMessageLog.Settings(batchRecords, 500, Duration.ofSeconds(30)));
    }

    /** A request as the social insurance adapter sends it. */
    public static LoggedMessage request(int n) {
        return LoggedMessage.of(MessageKind.REQUEST, "social-insurance", "msg-" + n, "H15.50.05.13-261008-" + n,
                null, Map.of("Content-Type", "text/xml; charset=utf-8", "X-Request-Id", "msg-" + n,
                        "Authorization", "Bearer [redacted]"),
                "<soap:Envelope><vss:HoTen>Nguyễn Thị Diệu</vss:HoTen><vss:SoDinhDanh>001190012345</vss:SoDinhDanh>"
                        + "<vss:MessageId>msg-" + n + "</vss:MessageId></soap:Envelope>");
    }

    public static LoggedMessage response(int n) {
        return LoggedMessage.of(MessageKind.RESPONSE, "social-insurance", "msg-" + n, "H15.50.05.13-261008-" + n,
                200, Map.of("Content-Type", "text/xml"),
                "<soap:Envelope><vss:KetQua><vss:MaSoBhxh>0123456789</vss:MaSoBhxh></vss:KetQua></soap:Envelope>");
    }

    /** Runs one UPDATE against the database behind the gateway's back. */
    public static void tamper(DataSource ds, String sql, Object... parameters) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A clock that stands still until a test moves it. */
    public static final class TestClock extends Clock {
        private volatile Instant now;

        public TestClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
