package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.paper.PaperJobs;

/** The public look-up answers a right code and phone, and the same nothing for everything else. */
class PublicLookupTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T09:00:00+07:00");
    private static final DossierCode CODE = new DossierCode("000.00.00.H30-261123-0001");

    private final Map<DossierCode, Dossier> stored = new HashMap<>();
    private final Map<DossierCode, List<DossierEvent>> histories = new HashMap<>();
    private final PublicLookup lookup = new PublicLookup();
    private final Set<DossierCode> papersPending = new HashSet<>();

    @BeforeEach
    void oneDossier() {
        lookup.dossiers = inMemory();
        lookup.papers = papers();
        Dossier dossier = Dossier.received(CODE, "1.001193", "000.00.00.H30", Channel.COUNTER,
                new Applicant("Nguyễn Thị Diệu", new CitizenId("001190012345"), "+84 912 345 678", "dieu@example.vn"),
                "{}", "canbo", AT, AT.plusDays(1));
        stored.put(CODE, dossier);
        histories.put(CODE, new ArrayList<>(List.of(new DossierEvent(DossierEvent.Kind.RECEIVED, null,
                DossierStatus.RECEIVED, "canbo", null, "000.00.00.H30", null, AT.plusDays(1), "Tiếp nhận", AT))));
    }

    @Test
    void theRightCodeAndPhoneShowStatusStepAndAppointmentOnly() {
        PublicLookup.PublicStatus status = lookup.lookUp(CODE.value(), "5678").orElseThrow();
        assertEquals(DossierStatus.RECEIVED, status.status());
        assertEquals(PublicLookup.RECEIVING_DESK, status.step());
        assertEquals(AT.plusDays(1), status.dueAt());
        assertFalse(status.resultReady());

        histories.get(CODE).add(new DossierEvent(DossierEvent.Kind.HANDOVER, DossierStatus.IN_PROGRESS,
                DossierStatus.IN_PROGRESS, "canbo", "Một cửa", "Tư pháp – Hộ tịch", null, null, "ghi chú riêng", AT));
        stored.put(CODE, stored.get(CODE).moveTo(DossierStatus.COMPLETED, AT.plusHours(2), null));
        PublicLookup.PublicStatus done = lookup.lookUp(CODE.value(), "5678").orElseThrow();
        assertEquals("Tư pháp – Hộ tịch", done.step());
        assertTrue(done.resultReady());

        papersPending.add(CODE);
        assertFalse(lookup.lookUp(CODE.value(), "5678").orElseThrow().resultReady(),
                "completed, but the signed result papers are not made yet");
    }

    @Test
    void aWrongPhoneAnUnknownCodeAndAMalformedCodeAllAnswerNothing() {
        assertEquals(Optional.empty(), lookup.lookUp(CODE.value(), "5679"));
        assertEquals(Optional.empty(), lookup.lookUp("000.00.00.H30-261123-0002", "5678"));
        assertEquals(Optional.empty(), lookup.lookUp("'; drop table dossier; --", "5678"));
        assertEquals(Optional.empty(), lookup.lookUp(CODE.value(), "567"));
        assertEquals(Optional.empty(), lookup.lookUp(CODE.value(), null));
    }

    @Test
    void aStoredPhoneWithFewerThanFourDigitsMatchesNothing() {
        assertEquals("----", new String(PublicLookup.lastFourDigits("12")));
        assertEquals("5678", new String(PublicLookup.lastFourDigits("0912.345.678")));
    }

    /** Only what the look-up reads; any other call fails the test. */
    private DossierRepository inMemory() {
        return (DossierRepository) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DossierRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> Optional.ofNullable(stored.get((DossierCode) args[0]));
                    case "history" -> histories.getOrDefault((DossierCode) args[0], List.of());
                    default -> throw new AssertionError("the look-up must not call " + method.getName());
                });
    }

    /** Paper jobs of which only {@code pending} matters here. */
    private PaperJobs papers() {
        return new PaperJobs() {
            @Override
            public boolean request(DossierCode code, DocumentKind kind, String source, DeskDecision decision,
                                   OffsetDateTime now) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<PaperJob> claimDue(OffsetDateTime now, OffsetDateTime claimUntil, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void done(PaperJob job, OffsetDateTime now) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PaperJob failed(PaperJob job, String error, int maxAttempts, IntFunction<Duration> backoff,
                                   OffsetDateTime now) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean pending(DossierCode code) {
                return papersPending.contains(code);
            }

            @Override
            public Optional<PaperJob> find(DossierCode code, String source) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
