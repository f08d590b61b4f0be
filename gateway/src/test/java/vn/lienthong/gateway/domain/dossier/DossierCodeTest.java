package vn.lienthong.gateway.domain.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DossierCodeTest {

    @Test
    void formatsAgencyDateAndFourDigitSequence() {
        DossierCode code = DossierCode.of("H15.50.05.13", LocalDate.of(2026, 10, 8), 975);
        assertEquals("H15.50.05.13-261008-0975", code.value());
        assertEquals(975, code.sequence());
        assertEquals("H15.50.05.13", code.agencyCode());
        assertEquals("000.00.00.H30-260101-0001", DossierCode.of("000.00.00.H30", LocalDate.of(2026, 1, 1), 1).value());
    }

    @Test
    void sequenceWidensPastNineThousandNineHundredNinetyNine() {
        assertEquals("000.00.00.H30-261008-12345", DossierCode.of("000.00.00.H30", LocalDate.of(2026, 10, 8), 12345).value());
    }

    @Test
    void rejectsMalformedCodes() {
        for (String bad : new String[] {"", "H30-2610-0001", "h30-261008-0001", "H30-261008-01", "H30 261008 0001",
                "H30-261008-0001; DROP TABLE dossier"}) {
            assertThrows(InvalidDossierException.class, () -> new DossierCode(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> DossierCode.of("H30", LocalDate.of(2026, 1, 1), 0));
    }

    @Test
    void citizenIdIsTwelveDigitsAndShowsMasked() {
        assertEquals("********2345", new CitizenId("001190012345").masked());
        for (String bad : new String[] {"00119001234", "0011900123456", "00119001234A", " 001190012345"}) {
            assertThrows(InvalidDossierException.class, () -> new CitizenId(bad), bad);
        }
    }
}
