package vn.lienthong.gateway.infrastructure.config;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;

import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.domain.procedure.Operation;
import vn.lienthong.gateway.domain.procedure.ProcessingTime;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/** Reads the procedure catalogue: the shipped {@code catalogue/catalogue.json}, or a province's own file. */
public final class CatalogueFile {

    /** The file's JSON shape; {@code operations} may be left out (then every agency step is a REQUEST). */
    public record File(String version, List<ProcedureEntry> procedures, List<Agency> agencies,
                       List<OperationEntry> operations) {
    }

    /** An operation as written in the file; {@code default} marks its agency type's default. */
    public record OperationEntry(String code, String agencyType, String name, @JsonbProperty("default") Boolean isDefault) {
    }

    /** One procedure as written in the file; {@code onTheSpot} may be left out (false). */
    public record ProcedureEntry(String code, String name, String field, String level,
                                 List<Procedure.InvolvedAgency> agencies, TimeEntry processingTime,
                                 Procedure.Fee fee, List<String> requiredDocuments, String legalBasis,
                                 Boolean onTheSpot) {
    }

    /** A processing time as written in the file. */
    public record TimeEntry(BigDecimal value, String unit) {
    }

    public static final String SHIPPED = "catalogue/catalogue.json";

    private CatalogueFile() {
    }

    /** Loads {@code file} if given, the shipped catalogue otherwise. */
    public static ProcedureCatalogue load(Path file) {
        String name = file == null ? SHIPPED : file.toString();
        try (Jsonb jsonb = JsonbBuilder.create();
             InputStream in = file == null
                     ? CatalogueFile.class.getClassLoader().getResourceAsStream(SHIPPED)
                     : Files.newInputStream(file)) {
            if (in == null) {
                throw new DataFileException("Procedure catalogue " + name + " is missing");
            }
            return toCatalogue(jsonb.fromJson(in, File.class), name);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFileException("Cannot read procedure catalogue " + name + ": " + e.getMessage(), e);
        } catch (Exception e) { // JsonbException, IllegalArgumentException, and Jsonb.close()'s Exception
            throw new DataFileException("Procedure catalogue " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    private static ProcedureCatalogue toCatalogue(File file, String name) {
        if (file == null || file.version() == null || file.procedures() == null || file.agencies() == null) {
            throw new DataFileException("Procedure catalogue " + name + " needs \"version\", \"procedures\" and \"agencies\"");
        }
        List<Procedure> procedures = file.procedures().stream().map(p -> new Procedure(
                p.code(), p.name(), p.field(), p.level(), p.agencies(),
                new ProcessingTime(p.processingTime().value(), ProcessingTime.Unit.valueOf(p.processingTime().unit())),
                p.fee(), p.requiredDocuments(), p.legalBasis(), Boolean.TRUE.equals(p.onTheSpot()))).toList();
        List<Operation> operations = file.operations() == null ? List.of() : file.operations().stream()
                .map(o -> new Operation(o.code(), o.agencyType(), o.name(), Boolean.TRUE.equals(o.isDefault()))).toList();
        return new ProcedureCatalogue(file.version(), procedures, file.agencies(), operations);
    }
}
