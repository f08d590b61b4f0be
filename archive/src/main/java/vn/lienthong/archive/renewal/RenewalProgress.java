package vn.lienthong.archive.renewal;

/** How far a renewal run is: records looked at of all, actions done and failed so far. */
public record RenewalProgress(int checked, int total, int done, int failed) {
    @Override
    public String toString() {
        return checked + "/" + total + " records, " + done + " renewed or extended, " + failed + " failed";
    }
}
