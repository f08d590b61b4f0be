package vn.lienthong.gateway.domain.exchange;

import vn.lienthong.gateway.domain.dossier.DossierException;

/** An exchange with another agency that cannot be done as asked, in Vietnamese and in English. */
public abstract class ExchangeException extends DossierException {

    protected ExchangeException(String vietnamese, String english) {
        super(vietnamese, english);
    }
}
