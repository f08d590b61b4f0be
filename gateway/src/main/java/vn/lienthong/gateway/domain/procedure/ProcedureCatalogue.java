package vn.lienthong.gateway.domain.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned catalogue of procedures and receiving agencies that this gateway serves, and of
 * the operations it asks of other agencies (which one, for each procedure and agency type).
 */
public final class ProcedureCatalogue {

    /** The operation of an agency type that no catalogue entry names. */
    public static final String UNNAMED_OPERATION = "REQUEST";

    private final String version;
    private final Map<String, Procedure> procedures = new LinkedHashMap<>();
    private final Map<String, Agency> agencies = new LinkedHashMap<>();
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    /** A catalogue that names no operations (every agency step is a {@value #UNNAMED_OPERATION}). */
    public ProcedureCatalogue(String version, List<Procedure> procedures, List<Agency> agencies) {
        this(version, procedures, agencies, List.of());
    }

    public ProcedureCatalogue(String version, List<Procedure> procedures, List<Agency> agencies,
                              List<Operation> operations) {
        this.version = version;
        for (Operation o : operations) {
            if (this.operations.putIfAbsent(o.code(), o) != null) {
                throw new IllegalArgumentException("Operation " + o.code() + " is listed twice in catalogue " + version);
            }
        }
        for (String type : operations.stream().filter(Operation::isDefault).map(Operation::agencyType).toList()) {
            if (operations.stream().filter(o -> o.isDefault() && o.agencyType().equals(type)).count() > 1) {
                throw new IllegalArgumentException("Agency type " + type + " has two default operations in catalogue " + version);
            }
        }
        for (Procedure p : procedures) {
            if (this.procedures.putIfAbsent(p.code(), p) != null) {
                throw new IllegalArgumentException("Procedure " + p.code() + " is listed twice in catalogue " + version);
            }
            for (Procedure.InvolvedAgency a : p.agencies()) {
                Operation o = a.operation() == null ? null : this.operations.get(a.operation());
                if (a.operation() != null && (o == null || !o.agencyType().equals(a.type()))) {
                    throw new IllegalArgumentException("Procedure " + p.code() + " asks " + a.type() + " for operation "
                            + a.operation() + ", which is not an operation of that agency type in catalogue " + version);
                }
            }
        }
        for (Agency a : agencies) {
            if (this.agencies.putIfAbsent(a.code(), a) != null) {
                throw new IllegalArgumentException("Agency " + a.code() + " is listed twice in catalogue " + version);
            }
        }
    }

    public String version() {
        return version;
    }

    public List<Procedure> procedures() {
        return List.copyOf(procedures.values());
    }

    public List<Agency> agencies() {
        return List.copyOf(agencies.values());
    }

    public Optional<Procedure> procedure(String code) {
        return Optional.ofNullable(procedures.get(code));
    }

    public Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public List<Operation> operations() {
        return List.copyOf(operations.values());
    }

    /**
     * What this gateway asks of an agency of {@code agencyType} for a dossier of {@code procedureCode}:
     * the procedure's own entry for that type, else the type's default operation, else
     * {@value #UNNAMED_OPERATION}.
     */
    public String operation(String procedureCode, String agencyType) {
        return procedure(procedureCode).stream().flatMap(p -> p.agencies().stream())
                .filter(a -> a.type().equals(agencyType) && a.operation() != null)
                .map(Procedure.InvolvedAgency::operation).findFirst()
                .or(() -> operations.values().stream().filter(o -> o.isDefault() && o.agencyType().equals(agencyType))
                        .map(Operation::code).findFirst())
                .orElse(UNNAMED_OPERATION);
    }

    /** The agency type that performs {@code operation}, or empty for an operation the catalogue does not list. */
    public Optional<String> agencyType(String operation) {
        return Optional.ofNullable(operations.get(operation)).map(Operation::agencyType);
    }
}
