package vn.lienthong.gateway.domain.dossier;

import vn.lienthong.gateway.domain.NoSuchRecordException;

/** No dossier has this code. */
public class DossierNotFoundException extends NoSuchRecordException {

    public DossierNotFoundException(DossierCode code) {
        super("Không tìm thấy hồ sơ " + code, "No dossier with code " + code);
    }
}
