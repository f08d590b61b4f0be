package vn.lienthong.gateway.domain.procedure;

import java.util.List;

/**
 * An administrative procedure (thủ tục hành chính) of the national catalogue: what the desk
 * receives, who acts on it, how long it may take, what it costs and what the citizen brings;
 * {@code onTheSpot} marks a procedure the desk may settle on the spot ("4 tại chỗ": received,
 * appraised, approved and returned at the counter the same day).
 */
public record Procedure(String code,
                        String name,
                        String field,
                        String level,
                        List<InvolvedAgency> agencies,
                        ProcessingTime processingTime,
                        Fee fee,
                        List<String> requiredDocuments,
                        String legalBasis,
                        boolean onTheSpot) {

    /**
     * An agency that acts on the procedure, and what it does in the flow; {@code operation} is what
     * this gateway asks of that agency's connector for this procedure (null: the type's default).
     */
    public record InvolvedAgency(String type, String name, String role, boolean external, String operation) {
    }

    /** The fee or charge (lệ phí, phí) in VND; zero when free, with the rule in words. */
    public record Fee(long amountVnd, String description) {
    }

    public Procedure {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
    }
}
