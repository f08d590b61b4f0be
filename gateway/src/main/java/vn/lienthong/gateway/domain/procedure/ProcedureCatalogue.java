package vn.lienthong.gateway.domain.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The versioned catalogue of procedures and receiving agencies that this gateway serves. */
public final class ProcedureCatalogue {

    private final String version;
    private final Map<String, Procedure> procedures = new LinkedHashMap<>();
    private final Map<String, Agency> agencies = new LinkedHashMap<>();

    public ProcedureCatalogue(String version, List<Procedure> procedures, List<Agency> agencies) {
        this.version = version;
        for (Procedure p : procedures) {
            if (this.procedures.putIfAbsent(p.code(), p) != null) {
                throw new IllegalArgumentException("Procedure " + p.code() + " is listed twice in catalogue " + version);
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
}
