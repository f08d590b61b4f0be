package vn.lienthong.gateway.domain.exchange;

import java.util.Map;
import java.util.Optional;

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

    /** Which kind of agency performs each operation; a liên thông flow names its steps by operation. */
    private static final Map<String, String> AGENCY_TYPE = Map.of(
            "BIRTH_REGISTRATION", "CIVIL_STATUS",
            "DEATH_REGISTRATION", "CIVIL_STATUS",
            "PERMANENT_RESIDENCE_REGISTRATION", "RESIDENCE",
            "PERMANENT_RESIDENCE_REMOVAL", "RESIDENCE",
            "BHYT_CARD_UNDER_6", "SOCIAL_INSURANCE",
            "BHYT_CARD_REISSUE", "SOCIAL_INSURANCE",
            "FUNERAL_SURVIVOR_BENEFIT", "SOCIAL_INSURANCE",
            "LAND_USE_CHANGE", "LAND_REGISTRY");

    private AgencyOperations() {
    }

    /** The agency type that performs {@code operation}, or empty for an operation this gateway does not know. */
    public static Optional<String> agencyType(String operation) {
        return Optional.ofNullable(AGENCY_TYPE.get(operation));
    }

    public static String of(String agencyType, String procedureCode) {
        return BY_TYPE_AND_PROCEDURE.getOrDefault(agencyType + ":" + procedureCode,
                BY_TYPE.getOrDefault(agencyType, "REQUEST"));
    }
}
