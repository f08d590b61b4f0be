package vn.lienthong.gateway.routes;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The liên thông procedure groups of Decree 63/2024/NĐ-CP (amended by Decree 301/2026/NĐ-CP) that a
 * flow route drives, each with the agency steps it may take, in order.
 */
enum LienThongFlow {
    /** Birth registration, then permanent residence and the BHYT card in parallel (3 in 1). */
    BIRTH_GROUP("3.000722", List.of("BIRTH_REGISTRATION", "PERMANENT_RESIDENCE_REGISTRATION", "BHYT_CARD_UNDER_6")),
    /** Death registration, then removal of permanent residence, then funeral allowance and survivor benefits. */
    DEATH_GROUP("2.002913", List.of("DEATH_REGISTRATION", "PERMANENT_RESIDENCE_REMOVAL", "FUNERAL_SURVIVOR_BENEFIT"));

    private final String procedureCode;
    private final List<String> operations;

    LienThongFlow(String procedureCode, List<String> operations) {
        this.procedureCode = procedureCode;
        this.operations = operations;
    }

    String procedureCode() {
        return procedureCode;
    }

    List<String> operations() {
        return operations;
    }

    /** The direct endpoint the flow's route listens on; called inside the transaction that caused the call. */
    String endpoint() {
        return "direct:flow-" + procedureCode;
    }

    String routeId() {
        return "flow-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static Optional<LienThongFlow> of(String procedureCode) {
        return Stream.of(values()).filter(f -> f.procedureCode.equals(procedureCode)).findFirst();
    }
}
