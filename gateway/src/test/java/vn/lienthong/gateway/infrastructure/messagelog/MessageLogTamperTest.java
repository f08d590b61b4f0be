package vn.lienthong.gateway.infrastructure.messagelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.gateway.domain.messagelog.ChainHash;
import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.domain.messagelog.Verification;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;

/**
 * One changed byte anywhere makes verification fail and name the record: 20 records, batches of
 * 6 (records 19 and 20 not yet signed), and each kind of field changed in a signed record and in
 * the unsigned tail. The record to change is drawn with a fixed seed.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class MessageLogTamperTest {

    private static final int RECORDS = 20;

    @Parameter
    TestDatabase engine;

    private DataSource db;
    private ChainedMessageLog log;

    @BeforeEach
    void twentyRecords() {
        db = engine.fresh();
        log = TestMessageLogs.open(db, Clock.systemUTC(), 6);
        for (int i = 1; i <= RECORDS / 2; i++) {
            log.append(TestMessageLogs.request(i));
            log.append(TestMessageLogs.response(i));
        }
        Verification intact = log.verify();
        assertTrue(intact.ok(), intact::toString);
        assertEquals(3, intact.batches());
        assertEquals(2, intact.unsignedRecords());
    }

    @ParameterizedTest
    @ValueSource(strings = {"body", "headers", "record_hash", "previous_hash", "message_id", "dossier_code",
            "agency_id"})
    void aFlippedByteInATextColumnNamesItsRecord(String column) {
        for (long id : new long[] {new Random(4).nextInt(18) + 1, 20}) {
            String value = read(id, column);
            flipOneByte(id, column, value, new Random(id).nextInt(value.length()));
            assertNames(id);
            TestMessageLogs.tamper(db, "UPDATE message_log SET " + column + " = ? WHERE id = ?", value, id);
            assertTrue(log.verify().ok(), "restored, the log holds again");
        }
    }

    @Test
    void aChangedStatusKindOrTimeNamesItsRecord() {
        TestMessageLogs.tamper(db, "UPDATE message_log SET http_status = 201 WHERE id = 8");
        assertNames(8);
        TestMessageLogs.tamper(db, "UPDATE message_log SET http_status = 200 WHERE id = 8");
        TestMessageLogs.tamper(db, "UPDATE message_log SET kind = ? WHERE id = 9", MessageKind.RESPONSE.name());
        assertNames(9);
        TestMessageLogs.tamper(db, "UPDATE message_log SET kind = 'REQUESU' WHERE id = 9");
        assertNames(9);
        TestMessageLogs.tamper(db, "UPDATE message_log SET kind = ? WHERE id = 9", MessageKind.REQUEST.name());
        assertTrue(log.verify().ok());
        OffsetDateTime at = readTime(10);
        TestMessageLogs.tamper(db, "UPDATE message_log SET logged_at = ? WHERE id = 10", at.plusNanos(1_000_000));
        assertNames(10);
    }

    @Test
    void aRecordAlteredBeforeItsBatchIsSignedIsNeverSigned() {
        String body = read(19, "body");
        flipOneByte(19, "body", body, 3);
        MessageLogException refused = assertThrows(MessageLogException.class, log::seal);
        assertTrue(refused.getMessage().contains("record 19 no longer matches its hash"), refused::getMessage);
        assertEquals(3, log.verify().batches(), "no batch vouches for the altered record");
        assertNames(19);
    }

    @Test
    void aDeletedRecordIsNamed() {
        TestMessageLogs.tamper(db, "DELETE FROM message_log WHERE id = 11");
        Verification v = assertNames(11);
        assertTrue(v.firstBadRecord().reason().contains("missing"), v::toString);
    }

    @Test
    void aTruncatedTailIsNamed() {
        TestMessageLogs.tamper(db, "DELETE FROM message_log WHERE id >= 19");
        assertNames(19);
    }

    @Test
    void aChainRewrittenWithFreshHashesIsCaughtByTheBatchSignature() {
        // The forger changes record 8's body and recomputes every hash after it: each record holds on its own.
        String previous = read(7, "record_hash");
        for (long id = 8; id <= RECORDS; id++) {
            MessageRecord r = readRecord(id);
            String body = id == 8 ? r.body().replace("0123456789", "9999999999") : r.body();
            MessageRecord forged = new MessageRecord(r.id(), r.kind(), r.agencyId(), r.messageId(), r.dossierCode(),
                    r.httpStatus(), r.headers(), body, r.loggedAt(), previous,
                    ChainHash.of(r.id(), r.kind(), r.agencyId(), r.messageId(), r.dossierCode(), r.httpStatus(),
                            r.headers(), body, r.loggedAt(), previous));
            TestMessageLogs.tamper(db, "UPDATE message_log SET body = ?, previous_hash = ?, record_hash = ? WHERE id = ?",
                    forged.body(), forged.previousHash(), forged.hash(), id);
            previous = forged.hash();
        }
        TestMessageLogs.tamper(db, "UPDATE message_log_head SET last_hash = ?", previous);
        Verification v = assertNames(7);
        assertTrue(v.firstBadRecord().reason().contains("records 7–12 were rewritten"), v::toString);
    }

    @Test
    void aBatchSignedByAnotherKeyFails() {
        byte[] forged = TestMessageLogs.strangerSigner().sign(SignedBatch.content(7, 12, read(12, "record_hash")));
        TestMessageLogs.tamper(db, "UPDATE message_log_batch SET signature = ? WHERE first_record_id = 7",
                Base64.getEncoder().encodeToString(forged));
        Verification v = assertNames(12);
        assertTrue(v.firstBadRecord().reason().contains("signature of batch"), v::toString);
    }

    @Test
    void aFlippedByteInABatchSignatureFails() {
        String signature = readBatchSignature(13);
        byte[] der = Base64.getDecoder().decode(signature);
        der[der.length - 5] ^= 0x01;
        TestMessageLogs.tamper(db, "UPDATE message_log_batch SET signature = ? WHERE first_record_id = 13",
                Base64.getEncoder().encodeToString(der));
        assertNames(18);
    }

    @Test
    void aMovedBatchBoundaryFails() {
        TestMessageLogs.tamper(db, "UPDATE message_log_batch SET last_record_id = 11 WHERE first_record_id = 7");
        Verification v = log.verify();
        assertFalse(v.ok());
        assertNotNull(v.firstBadRecord());
    }

    private Verification assertNames(long id) {
        Verification v = log.verify();
        assertFalse(v.ok(), () -> "tampering with record " + id + " went unnoticed");
        assertEquals(id, v.firstBadRecord().id(), v::toString);
        return v;
    }

    private void flipOneByte(long id, String column, String value, int at) {
        char[] chars = value.toCharArray();
        // Lowest bit of one character: '0' becomes '1', 'a' becomes '`', always another character.
        chars[at] = (char) (chars[at] ^ 1);
        TestMessageLogs.tamper(db, "UPDATE message_log SET " + column + " = ? WHERE id = ?", new String(chars), id);
    }

    private String read(long id, String column) {
        return query("SELECT " + column + " FROM message_log WHERE id = ?", id);
    }

    private String readBatchSignature(long first) {
        return query("SELECT signature FROM message_log_batch WHERE first_record_id = ?", first);
    }

    private String query(String sql, long id) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime readTime(long id) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT logged_at FROM message_log WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private MessageRecord readRecord(long id) {
        return log.find(new vn.lienthong.gateway.domain.messagelog.MessageLogQuery(null, null, id + 1, 1)).get(0);
    }
}
