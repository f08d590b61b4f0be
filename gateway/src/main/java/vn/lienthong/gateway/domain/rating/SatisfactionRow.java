package vn.lienthong.gateway.domain.rating;

import java.math.BigDecimal;

/**
 * Satisfaction of one unit, procedure or officer over a period: how many ratings, the average mark
 * (1–5) for attitude, time and overall, and how many (and what per cent) gave 4 or 5 overall.
 */
public record SatisfactionRow(String key, long ratings, BigDecimal attitude, BigDecimal time, BigDecimal overall,
                              long satisfied, BigDecimal satisfiedPercent) {
}
