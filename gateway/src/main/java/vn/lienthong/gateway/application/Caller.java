package vn.lienthong.gateway.application;

import java.util.Set;

import vn.lienthong.gateway.domain.dossier.AgencyScope;

/**
 * Who is calling: the officer or desk system named by a verified token, its roles and its agency.
 *
 * <p>A desk officer sees and changes the dossiers of their own agency; a leader reads those of
 * their agency and of every unit under it; admins and auditors do not work on dossiers.
 *
 * @param officerId  the token's subject (upn), recorded as the actor of every change
 * @param agencyCode the agency the token was issued for; null when the token names none
 * @param roles      the token's groups that the gateway knows
 */
public record Caller(String officerId, String agencyCode, Set<String> roles) {

    public static final String DESK_OFFICER = "desk-officer";
    public static final String LEADER = "leader";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";
    /** The roles the gateway grants rights to; others in a token are ignored. */
    public static final Set<String> KNOWN_ROLES = Set.of(DESK_OFFICER, LEADER, ADMIN, AUDITOR);

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Nobody: a call without a token, on a public endpoint. */
    public static Caller anonymous() {
        return new Caller(null, null, Set.of());
    }

    public boolean authenticated() {
        return officerId != null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The dossiers this caller may read. */
    public AgencyScope readScope() {
        if (agencyCode == null) {
            throw new OutOfScopeException("Thẻ truy cập không ghi đơn vị (agency_code); không xem được hồ sơ nào",
                    "The token names no agency (agency_code claim), so no dossier is visible");
        }
        return has(LEADER) ? AgencyScope.withSubunits(agencyCode) : AgencyScope.only(agencyCode);
    }

    /** Refuses unless this caller may read a dossier of {@code dossierAgency}. */
    public void requireRead(String dossierAgency) {
        if (!readScope().covers(dossierAgency)) {
            throw new OutOfScopeException("Hồ sơ thuộc đơn vị " + dossierAgency + ", ngoài phạm vi của đơn vị "
                    + agencyCode, "The dossier belongs to " + dossierAgency + ", outside the scope of " + agencyCode);
        }
    }

    /** Refuses unless this caller is a desk officer of {@code dossierAgency}, the only one who may change it. */
    public void requireChange(String dossierAgency) {
        if (!has(DESK_OFFICER) || agencyCode == null || !agencyCode.equals(dossierAgency)) {
            throw new OutOfScopeException("Chỉ cán bộ một cửa của đơn vị " + dossierAgency + " được thay đổi hồ sơ này",
                    "Only a desk officer of " + dossierAgency + " may change this dossier");
        }
    }
}
