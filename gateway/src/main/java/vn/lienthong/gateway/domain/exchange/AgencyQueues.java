package vn.lienthong.gateway.domain.exchange;

import java.time.OffsetDateTime;
import java.util.List;

/** How the outbox stands per agency: what waits for it, and the last error it gave. */
public interface AgencyQueues {

    /**
     * One agency's queue: messages pending and in flight, and the newest error stored on any of its
     * messages with when that message last changed (absent when none failed).
     */
    record Depth(String agencyId, int pending, int inFlight, String lastError, OffsetDateTime lastErrorAt) {

        public static Depth empty(String agencyId) {
            return new Depth(agencyId, 0, 0, null, null);
        }
    }

    /** The agencies that have any message, in no particular order. */
    List<Depth> all();
}
