package vn.lienthong.gateway.domain.dossier;

import java.util.Set;
import java.util.stream.Collectors;

import vn.lienthong.gateway.domain.RefusedException;

/** The dossier's status cannot move to the requested one; says which moves are allowed. */
public class ForbiddenTransitionException extends RefusedException {

    private final DossierStatus from;
    private final Set<DossierStatus> allowed;

    public ForbiddenTransitionException(DossierCode code, DossierStatus from, DossierStatus to) {
        super(message(code, from, to, true), message(code, from, to, false), null);
        this.from = from;
        this.allowed = from.deskTransitions();
    }

    public DossierStatus from() {
        return from;
    }

    public Set<DossierStatus> allowed() {
        return allowed;
    }

    private static String message(DossierCode code, DossierStatus from, DossierStatus to, boolean vietnamese) {
        String allowed = from.deskTransitions().isEmpty()
                ? (vietnamese ? "không còn chuyển được (hồ sơ đã kết thúc)" : "none (the dossier is finished)")
                : from.deskTransitions().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        return vietnamese
                ? "Hồ sơ " + code + " đang ở trạng thái " + from + " (" + from.vietnamese() + "), không chuyển sang "
                        + to + " được. Được phép: " + allowed
                : "Dossier " + code + " is " + from + "; it cannot move to " + to + ". Allowed: " + allowed;
    }
}
