package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/** What every page of the browser tests must pass: axe-core, no sideways scrolling, the API contract. */
final class PageChecks {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private PageChecks() {
    }

    /** axe-core (WCAG 2.1 A and AA rules and best practices) finds nothing serious or critical. */
    static void accessible(Page page, String what) {
        AxeResults results = new AxeBuilder(page).analyze();
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(PageChecks::describe)
                .toList();
        assertTrue(blocking.isEmpty(), what + ": axe-core finds " + blocking);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).limit(3).toList();
    }

    /** The page is no wider than its viewport: nothing to scroll sideways. */
    static void noHorizontalScroll(Page page, String what) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), what + ": the page scrolls sideways");
    }

    /** Every API request the pages made is an operation that the published contract lists. */
    static void listedInContract(List<String> apiRequests, URI serverRoot) {
        assertFalse(apiRequests.isEmpty(), "the pages made no API request at all");
        OpenApiContract contract = OpenApiContract.fetch(serverRoot);
        Set<String> unlisted = new TreeSet<>();
        synchronized (apiRequests) {
            for (String request : apiRequests) {
                String[] methodAndPath = request.split(" ", 2);
                if (!contract.lists(methodAndPath[0], methodAndPath[1])) {
                    unlisted.add(request);
                }
            }
        }
        assertTrue(unlisted.isEmpty(), "requests the pages made that /openapi does not list: " + unlisted);
    }
}
