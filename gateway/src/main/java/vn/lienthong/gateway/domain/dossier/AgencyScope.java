package vn.lienthong.gateway.domain.dossier;

/**
 * The agencies whose dossiers a caller may see: one agency, or an agency and every unit under it.
 *
 * <p>Agency codes are the electronic identifiers of Decision 20/2020/QĐ-TTg: four dot-separated
 * groups, the level-1 unit (ministry or province) on the right, e.g. {@code 000.00.20.H30} is
 * level-2 unit 20 of H30 and {@code 000.20.20.H30} is level-3 unit 20 under it. A unit's code
 * keeps its parent's groups and fills in its own, so "X is the same as or under P" means: every
 * group that P has filled in (the non-zero ones, from the right) is equal in X.
 */
public record AgencyScope(String agencyCode, boolean includesSubunits) {

    public AgencyScope {
        if (agencyCode == null || agencyCode.isBlank()) {
            throw new IllegalArgumentException("An agency scope needs an agency code");
        }
    }

    /** Only this agency's own dossiers. */
    public static AgencyScope only(String agencyCode) {
        return new AgencyScope(agencyCode, false);
    }

    /** This agency's dossiers and those of every unit under it. */
    public static AgencyScope withSubunits(String agencyCode) {
        return new AgencyScope(agencyCode, true);
    }

    /** Whether a dossier received by {@code code} falls in this scope. */
    public boolean covers(String code) {
        if (agencyCode.equals(code)) {
            return true;
        }
        int filled = filledFrom();
        if (code == null || filled < 0 || !hierarchical(code)) {
            return false;
        }
        String[] parent = agencyCode.split("\\.");
        String[] unit = code.split("\\.");
        for (int i = filled; i < parent.length; i++) {
            if (!parent[i].equals(unit[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The SQL LIKE pattern of the codes in this scope: the parent's unfilled groups become
     * single-character wildcards, so {@code 000.00.20.H30} gives {@code ___.__.20.H30}.
     */
    public String likePattern() {
        int filled = filledFrom();
        if (filled < 0) {
            return agencyCode.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
        }
        String[] groups = agencyCode.split("\\.");
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i > 0) {
                pattern.append('.');
            }
            pattern.append(i < filled ? "_".repeat(groups[i].length()) : groups[i]);
        }
        return pattern.toString();
    }

    /**
     * The index of the leftmost group this agency fills in, when subunits are included and the
     * code is a well-formed hierarchy (only zero groups left of it); -1 means "this code only".
     */
    private int filledFrom() {
        if (!includesSubunits || !hierarchical(agencyCode)) {
            return -1;
        }
        String[] groups = agencyCode.split("\\.");
        int filled = groups.length;
        while (filled > 0 && !zeros(groups[filled - 1])) {
            filled--;
        }
        for (int i = 0; i < filled; i++) {
            if (!zeros(groups[i])) {
                return -1;
            }
        }
        return filled;
    }

    private static boolean hierarchical(String code) {
        return code.matches("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[0-9A-Z]{3}");
    }

    private static boolean zeros(String group) {
        return group.chars().allMatch(c -> c == '0');
    }
}
