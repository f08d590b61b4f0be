package vn.lienthong.gateway.domain.dossier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may decide on the spot ("4 tại chỗ"): the token roles that carry the authority everywhere, and
 * the officers each unit has delegated it to by name ({@code agencyCode/officerId}).
 */
public record OnTheSpotDelegation(Set<String> roles, Map<String, Set<String>> officers) {

    public OnTheSpotDelegation {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        officers = officers == null ? Map.of() : Map.copyOf(officers);
    }

    /**
     * Reads the configured roles and {@code agencyCode/officerId} entries, each a comma-separated list
     * (null: none); blanks are ignored.
     */
    public static OnTheSpotDelegation of(String roles, String officerEntries) {
        Map<String, Set<String>> byAgency = new HashMap<>();
        for (String entry : items(officerEntries)) {
            int slash = entry.indexOf('/');
            if (slash <= 0 || slash == entry.length() - 1) {
                throw new IllegalArgumentException("On-the-spot delegation '" + entry
                        + "' is not agencyCode/officerId, e.g. 000.00.20.H20/can-bo-tu-phap");
            }
            byAgency.computeIfAbsent(entry.substring(0, slash).strip(), a -> new HashSet<>())
                    .add(entry.substring(slash + 1).strip());
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        byAgency.forEach((agency, ids) -> frozen.put(agency, Set.copyOf(ids)));
        return new OnTheSpotDelegation(Set.copyOf(items(roles)), frozen);
    }

    private static List<String> items(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(i -> !i.isEmpty()).toList();
    }

    /** Whether the officer {@code officerId} of {@code agencyCode}, holding {@code callerRoles}, may decide on the spot. */
    public boolean allows(String agencyCode, String officerId, Set<String> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains)
                || officers.getOrDefault(agencyCode, Set.of()).contains(officerId);
    }

    /** How the authority was held, for the history line. */
    public String basis(String agencyCode, String officerId) {
        return officers.getOrDefault(agencyCode, Set.of()).contains(officerId)
                ? "ủy quyền của đơn vị " + agencyCode : "vai trò được giao";
    }
}
