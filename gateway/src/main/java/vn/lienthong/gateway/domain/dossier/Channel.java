package vn.lienthong.gateway.domain.dossier;

/** How the dossier reached the desk: at the counter or through the online public service portal. */
public enum Channel {
    COUNTER,
    ONLINE
}
