package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests a contract lists: templates, literals before templates, queries, servers with a path. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.parse("""
            {"openapi": "3.0.3", "servers": [{"url": "/"}], "paths": {
              "/api/v1/dossiers": {"get": {"operationId": "searchDossiers", "security": [{"bearer": []}]},
                                   "post": {"operationId": "submitDossier", "security": [{"bearer": []}]}},
              "/api/v1/dossiers/{code}": {"get": {"operationId": "getDossier", "security": [{"bearer": []}]}},
              "/api/v1/dossiers/statistics": {"get": {"operationId": "dossierStatistics"}},
              "/api/v1/public/dossiers/{code}": {"parameters": [], "get": {"operationId": "lookUpDossier", "security": []}},
              "/api/v1/verify": {"post": {"operationId": "verifyDocument", "security": [{}]}}
            }}
            """);

    @Test
    void aConcretePathMatchesItsTemplateWhateverItsQuery() {
        assertTrue(CONTRACT.lists("get", "/api/v1/dossiers/H30.20-261207-0001"));
        assertTrue(CONTRACT.lists("GET", "/api/v1/dossiers?q=Nguy%E1%BB%85n&limit=20"));
        assertTrue(CONTRACT.lists("GET", "http://127.0.0.1:8080/api/v1/public/dossiers/X1?phoneLast4=5678"));
        assertEquals("lookUpDossier", CONTRACT.find("GET", "/api/v1/public/dossiers/X1").orElseThrow().operationId());
    }

    @Test
    void aLiteralSegmentWinsOverATemplate() {
        assertEquals("dossierStatistics", CONTRACT.find("GET", "/api/v1/dossiers/statistics").orElseThrow().operationId());
    }

    @Test
    void anUnlistedMethodOrPathIsNotListed() {
        assertFalse(CONTRACT.lists("DELETE", "/api/v1/dossiers/X1"));
        assertFalse(CONTRACT.lists("GET", "/api/v1/dossiers/X1/history"));
        assertFalse(CONTRACT.lists("GET", "/api/v1/dossiers//"));
        assertFalse(CONTRACT.lists("GET", "/api/v2/dossiers"));
    }

    @Test
    void securityIsReadPerOperation() {
        assertTrue(CONTRACT.find("GET", "/api/v1/dossiers/X1").orElseThrow().requires("bearer"));
        assertTrue(CONTRACT.find("GET", "/api/v1/public/dossiers/X1").orElseThrow().open());
        assertTrue(CONTRACT.find("POST", "/api/v1/verify").orElseThrow().open());
        assertFalse(CONTRACT.find("POST", "/api/v1/verify").orElseThrow().requires("bearer"));
        assertFalse(CONTRACT.find("GET", "/api/v1/dossiers/statistics").orElseThrow().open());
        assertFalse(CONTRACT.find("GET", "/api/v1/dossiers").orElseThrow().open());
        assertEquals(6, CONTRACT.operations().size());
    }

    @Test
    void aServerWithAPathPrefixesEveryTemplate() {
        OpenApiContract contract = OpenApiContract.parse("""
                {"openapi": "3.0.3", "servers": [{"url": "http://{host}:8080/gateway"}],
                 "paths": {"/api/v1/verify": {"post": {"operationId": "verifyDocument", "security": []}}}}
                """);
        assertTrue(contract.lists("POST", "/gateway/api/v1/verify"));
        assertFalse(contract.lists("POST", "/api/v1/verify"));
    }
}
