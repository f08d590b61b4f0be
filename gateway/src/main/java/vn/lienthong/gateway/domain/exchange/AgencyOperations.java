package vn.lienthong.gateway.domain.exchange;

import java.util.Map;

/**
 * What a dossier asks of an agency, by procedure: birth or death registration, residence
 * registration or removal, a BHYT card or survivor benefits, a land-use change.
 */
public final class AgencyOperations {

    private static final Map<String, String> BY_TYPE_AND_PROCEDURE = Map.ofEntries(
            Map.entry("CIVIL_STATUS:2.002913", "DEATH_REGISTRATION"),
            Map.entry("RESIDENCE:2.002913", "PERMANENT_RESIDENCE_REMOVAL"),
            Map.entry("SOCIAL_INSURANCE:2.002913", "FUNERAL_SURVIVOR_BENEFIT"),
            Map.entry("SOCIAL_INSURANCE:3.000722", "BHYT_CARD_UNDER_6"),
            Map.entry("SOCIAL_INSURANCE:1.000240", "BHYT_CARD_REISSUE"));

    private static final Map<String, String> BY_TYPE = Map.of(
            "CIVIL_STATUS", "BIRTH_REGISTRATION",
            "RESIDENCE", "PERMANENT_RESIDENCE_REGISTRATION",
            "SOCIAL_INSURANCE", "BHYT_CARD_REISSUE",
            "LAND_REGISTRY", "LAND_USE_CHANGE");

    private AgencyOperations() {
    }

    public static String of(String agencyType, String procedureCode) {
        return BY_TYPE_AND_PROCEDURE.getOrDefault(agencyType + ":" + procedureCode,
                BY_TYPE.getOrDefault(agencyType, "REQUEST"));
    }
}
