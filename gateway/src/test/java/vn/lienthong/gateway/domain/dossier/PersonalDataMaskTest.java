package vn.lienthong.gateway.domain.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    @Test
    void citizenIdKeepsTheFirstFourAndTheLastTwoDigits() {
        assertEquals("0012******89", PersonalDataMask.mask("001234567889"));
        assertEquals("{\"citizenId\":\"0011******45\"}", PersonalDataMask.mask("{\"citizenId\":\"001190012345\"}"));
        assertEquals("CCCD0011******45.", PersonalDataMask.mask("CCCD001190012345."));
    }

    @Test
    void phoneNumbersInEveryFormTheApiAccepts() {
        assertEquals("gọi 0912****78", PersonalDataMask.mask("gọi 0912345678"));
        assertEquals("0243*****34", PersonalDataMask.mask("02438251234"));
        assertEquals("+8491*****78", PersonalDataMask.mask("+84912345678"));
        assertEquals("+8491******89", PersonalDataMask.mask("+849123456789"));
    }

    @Test
    void emailAddressesKeepTheirFirstLetterAndDomain() {
        assertEquals("gửi h***@example.vn, 0912****78", PersonalDataMask.mask("gửi huong.tran@example.vn, 0912345678"));
        assertEquals("550 5.1.1 <d***@mail.gov.vn>: unknown", PersonalDataMask.mask("550 5.1.1 <dieu@mail.gov.vn>: unknown"));
        assertEquals("d***@example.vn", PersonalDataMask.mask(PersonalDataMask.mask("dieu@example.vn")), "masking twice changes nothing");
        String objectId = "vn.lienthong.Foo@1a2b3c";
        assertSame(objectId, PersonalDataMask.mask(objectId), "an object's identity hash is no address");
    }

    @Test
    void everyOccurrenceIsMasked() {
        assertEquals("a 0011******45 b 0912****78 c 0011******46",
                PersonalDataMask.mask("a 001190012345 b 0912345678 c 001190012346"));
    }

    @Test
    void technicalNumbersStayReadable() {
        for (String kept : new String[] {
                "received 1763765432123 ms", // epoch milliseconds: 13 digits
                "epoch 1763765432", // epoch seconds: 10 digits, no leading 0
                "dossier H15.50.05.13-261008-0975",
                "agency 000.00.00.H30",
                "at 2026-11-21T23:01:16.123+07:00",
                "message 3f2b9c4e-1d2a-4b7e-9c1f-0a1b2c3d4e5f",
                "13-digit 0011900123456", "9-digit 123456789", "port 8080, 200 OK",
                "+85912345678", // not Vietnam's country code
                ""}) {
            assertSame(kept, PersonalDataMask.mask(kept), kept);
            assertFalse(PersonalDataMask.containsPersonalData(kept), kept);
        }
        assertEquals(null, PersonalDataMask.mask(null));
    }

    @Test
    void maskingTwiceChangesNothing() {
        String once = PersonalDataMask.mask("001190012345 0912345678 +84912345678");
        assertSame(once, PersonalDataMask.mask(once));
        assertTrue(PersonalDataMask.containsPersonalData("x001190012345"));
    }
}
