package vn.lienthong.gateway.domain.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The ratings of one unit, procedure or officer over a period, as sums; {@code satisfied}: overall 4 or 5. */
public record SatisfactionSums(String key, long ratings, long attitude, long time, long overall, long satisfied) {

    public SatisfactionSums plus(SatisfactionSums o) {
        return new SatisfactionSums(key, ratings + o.ratings, attitude + o.attitude, time + o.time,
                overall + o.overall, satisfied + o.satisfied);
    }

    /** The averages (two decimals) and the satisfied share in per cent (one decimal). */
    public SatisfactionRow toRow() {
        return new SatisfactionRow(key, ratings, average(attitude), average(time), average(overall), satisfied,
                ratings == 0 ? null : BigDecimal.valueOf(satisfied * 100).divide(BigDecimal.valueOf(ratings), 1,
                        RoundingMode.HALF_UP));
    }

    private BigDecimal average(long sum) {
        return ratings == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP);
    }
}
