package vn.lienthong.gateway.domain.run;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where the runs of one background job keep their state, so that any node reports them: what every
 * job's rows answer alike; starting, progress and the result carry the job's own fields and stay
 * with the job's own port.
 */
public interface RunHistory<R extends BackgroundRun> {

    /** Records a run as FAILED with the reason. */
    void fail(long id, String error, OffsetDateTime now);

    Optional<R> find(long id);

    /** The latest runs, newest first. */
    List<R> latest(int limit);
}
