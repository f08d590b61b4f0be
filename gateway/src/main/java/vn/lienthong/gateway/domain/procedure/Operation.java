package vn.lienthong.gateway.domain.procedure;

/**
 * What a dossier asks of another agency (BIRTH_REGISTRATION, BHYT_CARD_UNDER_6, LAND_USE_CHANGE, ...):
 * its code, the catalogue agency type that performs it, its name, and whether it is that type's
 * operation for a procedure that does not name one (a hand-over to an agency the procedure does not list).
 */
public record Operation(String code, String agencyType, String name, boolean isDefault) {
}
