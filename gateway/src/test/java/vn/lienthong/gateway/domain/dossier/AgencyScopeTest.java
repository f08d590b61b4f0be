package vn.lienthong.gateway.domain.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgencyScopeTest {

    @Test
    void aProvinceCoversEveryUnitUnderIt() {
        AgencyScope province = AgencyScope.withSubunits("000.00.00.H30");
        assertTrue(province.covers("000.00.00.H30"));
        assertTrue(province.covers("000.00.20.H30"));
        assertTrue(province.covers("000.20.20.H30"));
        assertTrue(province.covers("001.20.20.H30"));
        assertFalse(province.covers("000.00.20.H13"));
        assertFalse(province.covers(null));
        assertEquals("___.__.__.H30", province.likePattern());
    }

    @Test
    void aDistrictCoversItsCommunesButNotItsParentOrSiblings() {
        AgencyScope district = AgencyScope.withSubunits("000.00.20.H30");
        assertTrue(district.covers("000.20.20.H30"));
        assertTrue(district.covers("123.45.20.H30"));
        assertFalse(district.covers("000.00.00.H30"));
        assertFalse(district.covers("000.00.21.H30"));
        assertFalse(district.covers("000.20.21.H30"));
        assertEquals("___.__.20.H30", district.likePattern());
    }

    @Test
    void aCommuneOrAnOfficerScopeIsExactlyOneAgency() {
        assertFalse(AgencyScope.withSubunits("000.20.20.H30").covers("000.00.20.H30"));
        assertTrue(AgencyScope.withSubunits("000.20.20.H30").covers("001.20.20.H30"));
        AgencyScope officer = AgencyScope.only("000.00.20.H30");
        assertTrue(officer.covers("000.00.20.H30"));
        assertFalse(officer.covers("000.20.20.H30"));
        assertEquals("000.00.20.H30", officer.likePattern());
    }

    @Test
    void codesOutsideTheDecisionPatternMatchOnlyThemselves() {
        AgencyScope odd = AgencyScope.withSubunits("H15.50.05.13");
        assertTrue(odd.covers("H15.50.05.13"));
        assertFalse(odd.covers("H15.50.05.14"));
        AgencyScope malformed = AgencyScope.withSubunits("001.00.20.H30");
        assertFalse(malformed.covers("001.10.20.H30"));
        assertEquals("001.00.20.H30", malformed.likePattern());
    }
}
