package vn.lienthong.gateway.domain.dossier;

/** No dossier has this code. */
public class DossierNotFoundException extends DossierException {

    public DossierNotFoundException(DossierCode code) {
        super("Không tìm thấy hồ sơ " + code, "No dossier with code " + code);
    }
}
