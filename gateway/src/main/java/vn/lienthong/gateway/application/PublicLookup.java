package vn.lienthong.gateway.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.paper.PaperJobs;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/**
 * The citizen's look-up (tra cứu hồ sơ): a dossier's status by its code and the last four digits of
 * the applicant's phone. An unknown code, a malformed code and a wrong phone all answer empty, so
 * the look-up does not tell which codes exist; nothing personal is ever answered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicLookup {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    /** Compared against when there is no dossier, so both paths do the same work. */
    private static final byte[] NOBODY = "----".getBytes(StandardCharsets.US_ASCII);
    /** Shown while the dossier is still at the desk that received it. */
    static final String RECEIVING_DESK = "Bộ phận tiếp nhận và trả kết quả (một cửa)";

    @Inject
    DossierRepository dossiers;

    @Inject
    PaperJobs papers;

    /** What a citizen may see of a dossier. */
    public record PublicStatus(DossierStatus status, String step, OffsetDateTime dueAt, boolean resultReady) {
    }

    /** True when {@code phoneDigits} has the shape the look-up asks for (four digits). */
    public static boolean wellFormedPhoneDigits(String phoneDigits) {
        return phoneDigits != null && FOUR_DIGITS.matcher(phoneDigits).matches();
    }

    public Optional<PublicStatus> lookUp(String code, String phoneDigits) {
        Optional<Dossier> found = verified(code, phoneDigits);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Dossier dossier = found.get();
        return Optional.of(new PublicStatus(dossier.status(), currentStep(dossiers.history(dossier.code())),
                dossier.dueAt(),
                // Ready when the citizen can be handed the signed results: a result, and every paper made.
                dossier.status().isResult() && !papers.pending(dossier.code())));
    }

    /**
     * The dossier with this code whose applicant's phone ends in {@code phoneDigits}; empty for an unknown
     * or malformed code and a wrong phone alike. What the look-up and the citizen's rating both check.
     */
    public Optional<Dossier> verified(String code, String phoneDigits) {
        if (!wellFormedPhoneDigits(phoneDigits)) {
            return Optional.empty();
        }
        Optional<Dossier> found = parse(code).flatMap(dossiers::find);
        byte[] expected = found.map(d -> lastFourDigits(d.applicant().phone())).orElse(NOBODY);
        boolean match = MessageDigest.isEqual(expected, phoneDigits.getBytes(StandardCharsets.US_ASCII));
        return match ? found : Optional.empty();
    }

    /** The unit or agency that holds the dossier now: the latest hand-over or exchange. */
    static String currentStep(List<DossierEvent> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            DossierEvent e = history.get(i);
            boolean handOver = switch (e.kind()) {
                case HANDOVER, AGENCY_SENT, AGENCY_ACCEPTED, AGENCY_RESULT, AGENCY_FAILED -> true;
                default -> false;
            };
            if (handOver && e.toUnit() != null && !e.toUnit().isBlank()) {
                return e.toUnit();
            }
        }
        return RECEIVING_DESK;
    }

    /** The last four digits of a stored phone number; a phone with fewer digits matches nothing. */
    static byte[] lastFourDigits(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        return digits.length() < 4 ? NOBODY : digits.substring(digits.length() - 4).getBytes(StandardCharsets.US_ASCII);
    }

    private static Optional<DossierCode> parse(String code) {
        try {
            return Optional.of(new DossierCode(code));
        } catch (InvalidDossierException e) {
            return Optional.empty();
        }
    }
}
