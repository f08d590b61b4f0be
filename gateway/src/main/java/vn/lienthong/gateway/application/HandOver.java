package vn.lienthong.gateway.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A hand-over of the dossier to a department or agency. The step deadline is given either as a
 * moment or as working hours counted on the working calendar from now. {@code toAgency}, when
 * set, names an agency connector: the step is then sent to that agency through the outbox.
 */
public record HandOver(String actor,
                       String fromUnit,
                       String toUnit,
                       OffsetDateTime deadline,
                       BigDecimal workingHours,
                       String note,
                       String toAgency) {

    public HandOver(String actor, String fromUnit, String toUnit, OffsetDateTime deadline, BigDecimal workingHours,
                    String note) {
        this(actor, fromUnit, toUnit, deadline, workingHours, note, null);
    }
}
