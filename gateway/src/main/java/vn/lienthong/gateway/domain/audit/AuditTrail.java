package vn.lienthong.gateway.domain.audit;

import java.time.OffsetDateTime;
import java.util.List;

/** Where audit events are kept. */
public interface AuditTrail {

    /** Filters; null means any. */
    record Query(OffsetDateTime from, OffsetDateTime to, String actor, String outcome, int limit) {
    }

    void record(AuditEvent event);

    /** Newest first. */
    List<AuditEvent> find(Query query);
}
