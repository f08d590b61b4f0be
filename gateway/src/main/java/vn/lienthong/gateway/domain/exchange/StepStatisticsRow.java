package vn.lienthong.gateway.domain.exchange;

/**
 * How one agency kept the deadlines of the flow steps it was given over a period: started, done on
 * time or late against each step's own deadline, still open past it, failed for good.
 */
public record StepStatisticsRow(String agencyId, long started, long doneOnTime, long doneLate, long overdue,
                                long failed) {

    public StepStatisticsRow plus(StepStatisticsRow o) {
        return new StepStatisticsRow(agencyId, started + o.started, doneOnTime + o.doneOnTime, doneLate + o.doneLate,
                overdue + o.overdue, failed + o.failed);
    }
}
