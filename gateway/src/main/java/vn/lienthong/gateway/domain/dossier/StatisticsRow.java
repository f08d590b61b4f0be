package vn.lienthong.gateway.domain.dossier;

/**
 * Counts for one agency, procedure or officer over a period: the figures of the desk's reports
 * (received; in progress; completed early, on time, late; overdue; rejected; stopped).
 */
public record StatisticsRow(String key,
                            long received,
                            long inProgress,
                            long completedEarly,
                            long completedOnTime,
                            long completedLate,
                            long overdue,
                            long rejected,
                            long stopped) {

    public StatisticsRow plus(StatisticsRow o) {
        return new StatisticsRow(key, received + o.received, inProgress + o.inProgress,
                completedEarly + o.completedEarly, completedOnTime + o.completedOnTime,
                completedLate + o.completedLate, overdue + o.overdue, rejected + o.rejected, stopped + o.stopped);
    }
}
