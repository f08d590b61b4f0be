package vn.lienthong.gateway.domain.run;

/** One run of a background job as its row keeps it (a fixity audit, a renewal run): what every such run answers. */
public interface BackgroundRun {

    long id();

    /** Whether its row says RUNNING: neither finished nor failed (nor yet judged stale). */
    boolean running();

    /** Records checked so far. */
    long checked();

    /** Records to check, once known. */
    long total();

    /** Records checked out of the total, 0 to 100; a finished run over no record at all is 100. */
    default int percent() {
        if (total() == 0) {
            return running() ? 0 : 100;
        }
        return (int) Math.min(100, checked() * 100 / total());
    }
}
