package vn.lienthong.gateway.domain.paper;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the officer decided when taking a step that the desk answers with a paper (forms 02 to 05),
 * kept with the paper's job so the paper says exactly what was decided, whenever it is rendered.
 *
 * @param reason         the officer's reason, as given
 * @param documentsToAdd the documents the citizen must add (form 02); empty for the other forms
 * @param previousDueAt  the appointment before a new date was given (form 04); null otherwise
 * @param newDueAt       the new appointment date (form 04); null otherwise
 * @param officer        the officer who took the step
 * @param at             when the step was taken
 */
public record DeskDecision(String reason, List<String> documentsToAdd, OffsetDateTime previousDueAt,
                           OffsetDateTime newDueAt, String officer, OffsetDateTime at) {

    public DeskDecision {
        documentsToAdd = documentsToAdd == null ? List.of() : List.copyOf(documentsToAdd);
    }
}
