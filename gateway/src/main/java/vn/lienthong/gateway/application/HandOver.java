package vn.lienthong.gateway.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A hand-over of the dossier to a department or agency. The step deadline is given either as a
 * moment or as working hours counted on the working calendar from now.
 */
public record HandOver(String actor,
                       String fromUnit,
                       String toUnit,
                       OffsetDateTime deadline,
                       BigDecimal workingHours,
                       String note) {
}
