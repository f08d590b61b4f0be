package vn.lienthong.gateway.domain.dossier;

import vn.lienthong.gateway.domain.RefusedException;

/** A dossier that cannot be settled on the spot: its procedure is not flagged, or it is not received today. */
public class NotOnTheSpotException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public NotOnTheSpotException(String vietnamese, String english) {
        super(vietnamese, english, null);
    }
}
