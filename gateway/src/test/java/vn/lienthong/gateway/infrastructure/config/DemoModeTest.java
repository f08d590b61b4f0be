package vn.lienthong.gateway.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.application.DemoClockOffException;

class DemoModeTest {

    private static DemoMode mode(Optional<Boolean> demo, Optional<String> databaseUrl) {
        DemoMode mode = new DemoMode();
        mode.demo = demo;
        mode.externalDatabase = databaseUrl;
        mode.sandbox = Optional.empty();
        mode.demoIssuer = Optional.empty();
        mode.identityProviderClient = Optional.empty();
        mode.demoMessageLogKey = Optional.empty();
        mode.demoPaperKeys = Optional.empty();
        return mode;
    }

    private static List<Boolean> pieces(DemoMode mode) {
        return List.of(mode.sandbox(), mode.demoIssuer(), mode.demoMessageLogKey(), mode.demoPaperKeys(), mode.demoClock());
    }

    @Test
    void theEmbeddedDatabaseIsADemoAndEveryPieceFollows() {
        DemoMode mode = mode(Optional.empty(), Optional.empty());
        assertTrue(mode.enabled());
        assertEquals(List.of(true, true, true, true, true), pieces(mode));
        assertTrue(mode.describe().startsWith("DEMO MODE"), mode.describe());
    }

    @Test
    void anExternalDatabaseIsProductionAndEveryPieceFollows() {
        DemoMode mode = mode(Optional.empty(), Optional.of("jdbc:postgresql://127.0.0.1:5432/lienthong"));
        assertFalse(mode.enabled());
        assertEquals(List.of(false, false, false, false, false), pieces(mode));
        assertTrue(mode.describe().startsWith("Production mode"), mode.describe());
    }

    @Test
    void theSwitchIsIndependentOfTheDatabase() {
        DemoMode onPostgres = mode(Optional.of(true), Optional.of("jdbc:postgresql://127.0.0.1:5432/lienthong"));
        assertEquals(List.of(true, true, true, true, true), pieces(onPostgres), "a full demo on PostgreSQL");
        DemoMode embeddedProduction = mode(Optional.of(false), Optional.empty());
        assertEquals(List.of(false, false, false, false, false), pieces(embeddedProduction));
    }

    @Test
    void eachPiecesOldFlagOverridesTheSwitch() {
        DemoMode production = mode(Optional.empty(), Optional.of("jdbc:postgresql://127.0.0.1:5432/lienthong"));
        production.sandbox = Optional.of(true);
        production.demoMessageLogKey = Optional.of(true);
        assertEquals(List.of(true, false, true, false, false), pieces(production));

        DemoMode demo = mode(Optional.empty(), Optional.empty());
        demo.demoIssuer = Optional.of(false);
        demo.demoPaperKeys = Optional.of(false);
        assertEquals(List.of(true, false, true, false, true), pieces(demo));
        assertTrue(demo.describe().contains("demo token issuer off"), demo.describe());
    }

    @Test
    void theProvincesIdentityProviderTurnsTheDemoIssuerOffEvenInDemoMode() {
        DemoMode demo = mode(Optional.empty(), Optional.empty());
        demo.identityProviderClient = Optional.of("lienthong-console");
        assertEquals(List.of(true, false, true, true, true), pieces(demo), "MicroProfile JWT trusts the provider only");
        demo.identityProviderClient = Optional.of(" ");
        assertTrue(demo.demoIssuer(), "a blank client id is no provider");
    }

    @Test
    void theDemoClockMovesTheGatewaysClockOnlyInDemoMode() {
        DemoClockSetting demo = new DemoClockSetting();
        demo.demo = mode(Optional.empty(), Optional.empty());
        demo.moveForward(Duration.ofDays(3));
        assertEquals(Duration.ofDays(3), demo.clock().offset());
        assertThrows(IllegalArgumentException.class, () -> demo.moveForward(Duration.ofDays(-1)));
        demo.reset();
        assertEquals(Duration.ZERO, demo.offset());

        DemoClockSetting production = new DemoClockSetting();
        production.demo = mode(Optional.of(false), Optional.empty());
        assertFalse(production.available());
        assertThrows(DemoClockOffException.class, () -> production.moveForward(Duration.ofDays(3)));
        assertThrows(DemoClockOffException.class, production::reset);
        assertEquals(Duration.ZERO, production.offset());
    }
}
