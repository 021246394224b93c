package org.centerline.workload.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.centerline.security.Role;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rebalance view ({@code src/main/resources/static/}) in headless Debian Chromium, against canned
 * API answers ({@link CannedWorkloadApi}) so that it needs neither Kafka nor the service. Skipped, not
 * failed, when {@code /usr/bin/chromium} is missing ({@code .ci/run} installs it).
 *
 * <p>The page is opened the way the local stack's link opens it, with a token in the address
 * ({@code /#token=<jwt>}), unless a test is about signing in.
 *
 * <p>Screenshots land in {@code target/}: {@code rebalance-view.png} (the 1366 x 900 laptop viewport),
 * {@code rebalance-view-full.png}, {@code rebalance-view-what-if.png}, {@code rebalance-view-error.png}
 * and {@code rebalance-view-sign-in.png}.
 */
class RebalanceViewBrowserIT {

    private static final int WIDTH = 1366;
    private static final int HEIGHT = 900;
    private static final Duration LOAD = Duration.ofSeconds(10);
    /** The module's static files; the second path is for a run from the repository root (an IDE). */
    private static final Path STATIC = Files.isDirectory(Path.of("src", "main", "resources", "static"))
            ? Path.of("src", "main", "resources", "static")
            : Path.of("workload-service", "src", "main", "resources", "static");
    private static final Path TARGET = Path.of("target");

    private static CannedWorkloadApi api;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        if (HeadlessChromium.available()) {
            api = CannedWorkloadApi.start(STATIC);
            chromium = HeadlessChromium.launch(WIDTH, HEIGHT);
        }
    }

    /** Per test rather than in {@code @BeforeAll}, so that surefire reports each test as skipped, with the reason. */
    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, "Skipped: no Chromium at " + HeadlessChromium.binary()
                + " (install the Debian package: apt-get install -y chromium; .ci/run does)");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void showsAllTenCentersAndTheRecommendationsWithoutConsoleErrors() throws Exception {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);

            List<String> rows = strings(tab.evaluate(
                    "Array.from(document.querySelectorAll('#centers-body tr th .code'), e => e.textContent)"));
            assertThat(rows).containsExactlyInAnyOrderElementsOf(CannedWorkloadApi.CENTER_CODES);
            String visible = tab.text("document.body.innerText");
            assertThat(visible).contains(CannedWorkloadApi.CENTER_CODES);
            // Most loaded first: ELE (136 %) heads the table, AGR (44 %) ends it.
            assertThat(rows.get(0)).isEqualTo("ELE");
            assertThat(rows.get(9)).isEqualTo("AGR");

            // Utilization in words, not only colour; the oldest item's age for people.
            String ele = tab.text("document.querySelector('#centers-body tr[data-center=ELE]').innerText");
            assertThat(ele).contains("Electronics", "136 %", "Over", "97 %", "121 open", "oldest 9 h 47 min", "85");
            String agr = tab.text("document.querySelector('#centers-body tr[data-center=AGR]').innerText");
            assertThat(agr).contains("44 %", "Under", "oldest 52 min");

            List<String> recommendations = strings(tab.evaluate(
                    "Array.from(document.querySelectorAll('#recommendations li.rec'), e => e.innerText)"));
            assertThat(recommendations).hasSizeGreaterThanOrEqualTo(1);
            assertThat(String.join("\n", recommendations))
                    .contains("Move 2 import specialists from AGR to ELE", "ELE runs at 136% of capacity")
                    .contains("Hire 1 import specialist for ELE", "Total demand 1715 points/day");

            assertThat(tab.evaluate("document.getElementById('error').hidden").asBoolean()).isTrue();
            assertThat(tab.text("document.getElementById('updated-at').textContent")).matches("\\d\\d:\\d\\d:\\d\\d");

            Path png = tab.screenshot(TARGET.resolve("rebalance-view.png"), false);
            tab.screenshot(TARGET.resolve("rebalance-view-full.png"), true);
            assertPng(png);
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void theBandsComeFromTheStaffingModelTheServiceReports() {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            // target 0.85, band 0.15: Near 85-99 %, OK 70-84 %, Under below 70 %.
            assertThat(tab.text("document.querySelector('.legend').textContent.replace(/\\s+/g, ' ')"))
                    .contains("Over 100 % or more", "Near 85–99 %", "OK 70–84 %", "Under below 70 %");
            assertThat(tab.text("document.querySelector('#centers-body tr[data-center=IMM] td.utilization').innerText"))
                    .contains("69 %", "Under");
            assertThat(tab.text("document.querySelector('#centers-body tr[data-center=BME] td.utilization').innerText"))
                    .contains("71 %", "OK");
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
        // No model in the answer: the numbers without the bands that depend on it (over capacity is a fact).
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/unbanded/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            assertThat(tab.text("document.querySelector('.legend').textContent.replace(/\\s+/g, ' ')"))
                    .contains("Over 100 % or more", "no staffing model").doesNotContain("Near", "Under");
            assertThat(tab.text("document.querySelector('#centers-body tr[data-center=ELE] td.utilization').innerText"))
                    .contains("136 %", "Over");
            assertThat(tab.text("document.querySelector('#centers-body tr[data-center=MAC] td.utilization').innerText"))
                    .contains("86 %").doesNotContain("Near");
            assertThat(tab.evaluate("document.querySelectorAll('#centers-body tr[data-center]').length").asInt()).isEqualTo(10);
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void centersOutsideTheCommodityLinesBandAreMarkedInWords() {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            // ELE has 1,702 of 8,997 lines (19 %) and 18 % of headings, CPM 16 %: above the 5-15 % band; PNG 4 %: below.
            assertThat(tab.text("document.querySelector('#centers-body tr[data-center=ELE] .commodity-lines').textContent"))
                    .contains("Above band", "19 % of lines", "18 % of headings", "band 5–15 % of headings");
            assertThat(tab.text("document.querySelector('#centers-body tr[data-center=PNG] .commodity-lines').textContent"))
                    .contains("Below band", "3 % of lines");
            assertThat(tab.text("document.querySelector('#centers-body tr[data-center=MAC] .commodity-lines').textContent"))
                    .contains("Within band", "10 % of lines");
            assertThat(strings(tab.evaluate("Array.from(document.querySelectorAll('#centers-body tr.lines-outside'), r => r.dataset.center)")))
                    .containsExactlyInAnyOrder("ELE", "CPM", "PNG");
            // A word and an icon, not only a colour; the summary and the legend say it too.
            assertThat(tab.text("document.querySelector('#centers-body tr[data-center=PNG] .commodity-lines .badge').textContent"))
                    .isEqualTo("▼ Below band");
            assertThat(tab.text("document.getElementById('summary').textContent"))
                    .contains("2 with more commodity lines than the band: ELE, CPM", "1 with fewer commodity lines than the band: PNG");
            assertThat(tab.text("document.querySelector('.legend').textContent.replace(/\\s+/g, ' ')"))
                    .contains("commodity lines outside 5–15 % of headings");
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void isLabelledAndStructuredForAssistiveTechnology() {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            assertThat(tab.text("document.documentElement.lang")).isEqualTo("en");
            assertThat(tab.text("document.title")).contains("Workload rebalance");
            assertThat(tab.evaluate("document.querySelectorAll('header, main, footer').length").asInt()).isEqualTo(3);
            assertThat(tab.evaluate("document.querySelectorAll('[aria-live=polite]').length").asInt()).isGreaterThanOrEqualTo(1);
            // Every form control has a label (its accessible name comes from a <label>).
            assertThat(strings(tab.evaluate("Array.from(document.querySelectorAll('input, select, textarea'))"
                    + ".filter(e => e.labels.length === 0).map(e => e.id || e.name)"))).as("unlabelled controls").isEmpty();
            // Every button says what it does.
            assertThat(strings(tab.evaluate("Array.from(document.querySelectorAll('button'))"
                    + ".filter(b => !b.hidden && b.innerText.trim() === '' && !b.getAttribute('aria-label')).map(b => b.outerHTML)")))
                    .as("buttons without a name").isEmpty();
            assertThat(tab.evaluate("document.querySelectorAll('#centers thead th[scope]').length").asInt()).isEqualTo(10);
            assertThat(tab.evaluate("document.querySelectorAll('#centers-body th[scope=row]').length").asInt()).isEqualTo(10);
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void refreshesOnItsOwnWithinNineSecondsAndTheNumbersMove() {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            String firstFiled = tab.text("document.querySelector('#centers-body tr[data-center=ELE] td.num').textContent");
            int refreshes = tab.evaluate("Number(document.body.dataset.refreshes)").asInt();

            tab.waitUntil("Number(document.body.dataset.refreshes) > " + refreshes, Duration.ofSeconds(9));

            String nextFiled = tab.text("document.querySelector('#centers-body tr[data-center=ELE] td.num').textContent");
            assertThat(Integer.parseInt(nextFiled)).isGreaterThan(Integer.parseInt(firstFiled));
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void whatIfShowsEveryCenterBeforeAndAfter() throws Exception {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            tab.evaluate("""
                    (() => {
                      const code = document.querySelector('#moves .move-code');
                      code.value = '85';
                      code.dispatchEvent(new Event('input', { bubbles: true }));
                      const center = document.querySelector('#moves .move-center');
                      center.value = 'MAC';
                      center.dispatchEvent(new Event('change', { bubbles: true }));
                      document.getElementById('run-whatif').click();
                      return true;
                    })()""");
            tab.waitUntil("document.querySelectorAll('#whatif-table tbody tr').length === 10", LOAD);

            assertThat(api.lastWhatIfBody()).isEqualTo("{\"moves\":[{\"chapter\":\"85\",\"toCenter\":\"MAC\"}]}");
            String ele = tab.text("document.querySelector('#whatif-table tr[data-center=ELE]').innerText");
            assertThat(ele).contains("300", "96.0", "136 %", "44 %");
            String mac = tab.text("document.querySelector('#whatif-table tr[data-center=MAC]').innerText");
            assertThat(mac).contains("172", "376", "86 %", "188 %", "Over");
            assertThat(tab.evaluate("document.querySelectorAll('#whatif-table tr.changed').length").asInt()).isEqualTo(2);
            assertThat(tab.text("document.getElementById('whatif-status').textContent"))
                    .contains("1,310 of 9,186 entry summaries would move", "2 Centers change");
            tab.screenshot(TARGET.resolve("rebalance-view-what-if.png"), true);
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void worksWithTheKeyboardAlone() {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok' && document.querySelector('#moves .move-center').options.length === 11", LOAD);
            String focused = "(() => { const e = document.activeElement; return e.id || e.className || e.tagName; })()";
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 12 && !order.contains("move-1-code"); i++) {
                tab.press("Tab");
                order.add(tab.text(focused));
            }
            // Skip link, the live-update switch, the order, the scrollable Centers table, then the what-if form.
            assertThat(order).containsSubsequence("skip-link", "pause", "order", "table-scroll", "move-1-code");

            tab.type("85");
            tab.press("Tab");
            assertThat(tab.text(focused)).isEqualTo("move-1-center");
            for (int i = 0; i < 12 && !tab.text("document.activeElement.value").equals("MAC"); i++) {
                tab.press("ArrowDown");
            }
            assertThat(tab.text("document.activeElement.value")).isEqualTo("MAC");
            tab.press("Tab", true);
            tab.press("Enter");
            tab.waitUntil("document.querySelectorAll('#whatif-table tbody tr').length === 10", LOAD);
            assertThat(api.lastWhatIfBody()).isEqualTo("{\"moves\":[{\"chapter\":\"85\",\"toCenter\":\"MAC\"}]}");

            // Pause and resume the live updates from the keyboard.
            tab.evaluate("document.getElementById('pause').focus()");
            tab.press(" ");
            assertThat(tab.text("document.getElementById('pause').getAttribute('aria-pressed')")).isEqualTo("true");
            assertThat(tab.text("document.getElementById('refresh-mode').textContent")).isEqualTo("Paused");
            tab.press("Enter");
            assertThat(tab.text("document.getElementById('pause').getAttribute('aria-pressed')")).isEqualTo("false");
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void whatIfReportsTheServicesProblemDetail() {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            runWhatIf(tab, "9903", "ELE");
            tab.waitUntil("document.getElementById('whatif-status').textContent.includes('failed')", LOAD);
            assertThat(tab.text("document.getElementById('whatif-status').textContent"))
                    .contains("The what-if failed: Bad Request: Chapter 98 and 99 lines have no Center of their own");
            // The page handles it: no script error. (The browser itself logs the 400 as a failed load.)
            assertThat(tab.javascriptErrors()).as("script errors").isEmpty();
        }
    }

    @Test
    void saysSoWhenTheServiceFails() throws Exception {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/broken/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'error'", LOAD);
            assertThat(tab.evaluate("document.getElementById('error').hidden").asBoolean()).isFalse();
            assertThat(tab.text("document.getElementById('error-text').textContent"))
                    .contains("Could not refresh the workload and the recommendations",
                            "Service Unavailable: The workload stores are rebalancing", "No figures yet");
            assertThat(tab.text("document.getElementById('refresh-mode').textContent")).isEqualTo("Retrying");
            assertThat(tab.text("document.getElementById('announcer').textContent")).contains("Update failed");
            tab.screenshot(TARGET.resolve("rebalance-view-error.png"), false);
            assertThat(tab.javascriptErrors()).as("script errors").isEmpty();
        }
    }

    @Test
    void withoutATokenAsksForOneAndShowsNoData() throws Exception {
        int calls = api.apiAuthorizations().size();
        try (HeadlessChromium.Tab tab = chromium.open(api.url("/"))) {
            tab.waitUntil("document.body.dataset.auth === 'signed-out'", LOAD);

            assertThat(tab.evaluate("document.getElementById('signin').hidden").asBoolean()).isFalse();
            assertThat(tab.evaluate("document.getElementById('workload-data').hidden").asBoolean()).isTrue();
            assertThat(tab.text("document.getElementById('token-input').labels[0].textContent")).isEqualTo("Access token");
            String visible = tab.text("document.body.innerText");
            assertThat(visible).contains("Sign in with an access token", "Signed out");
            for (String code : CannedWorkloadApi.CENTER_CODES) {
                assertThat(visible).as("no Center figures before signing in").doesNotContain(code);
            }
            assertThat(tab.evaluate("document.querySelectorAll('#centers-body tr[data-center]').length").asInt()).isZero();
            assertThat(api.apiAuthorizations()).as("API calls without a token").hasSize(calls);

            tab.screenshot(TARGET.resolve("rebalance-view-sign-in.png"), false);
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void aTokenInTheAddressShowsTheTenCentersAndLeavesTheAddressBar() {
        int calls = api.apiAuthorizations().size();
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);

            assertThat(strings(tab.evaluate("Array.from(document.querySelectorAll('#centers-body tr th .code'), e => e.textContent)")))
                    .containsExactlyInAnyOrderElementsOf(CannedWorkloadApi.CENTER_CODES);
            assertThat(tab.text("location.href")).isEqualTo(api.url("/"));
            assertThat(tab.text("sessionStorage.getItem('centerline.workload.token')")).isEqualTo(CannedWorkloadApi.DIRECTOR);
            assertThat(tab.text("document.getElementById('who').innerText")).isEqualTo("Signed in as director-ELE (director, ELE)");
            assertThat(tab.evaluate("document.getElementById('signin').hidden").asBoolean()).isTrue();
            List<String> sent = api.apiAuthorizations().subList(calls, api.apiAuthorizations().size());
            assertThat(sent).isNotEmpty().allSatisfy(header -> assertThat(header).isEqualTo(TestTokens.bearer(CannedWorkloadApi.DIRECTOR)));

            // A reload keeps the tab signed in, from session storage.
            tab.evaluate("(window.beforeReload = true, location.reload(), true)");
            tab.waitUntil("!window.beforeReload && document.body.dataset.refresh === 'ok'", LOAD);
            assertThat(tab.evaluate("document.querySelectorAll('#centers-body tr[data-center]').length").asInt()).isEqualTo(10);
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void aPastedTokenSignsInFromTheKeyboardAndSigningOutForgetsTheFigures() {
        try (HeadlessChromium.Tab tab = chromium.open(api.url("/"))) {
            tab.waitUntil("document.body.dataset.auth === 'signed-out'", LOAD);
            String focused = "document.activeElement.id";
            for (int i = 0; i < 4 && !tab.text(focused).equals("token-input"); i++) {
                tab.press("Tab");
            }
            assertThat(tab.text(focused)).isEqualTo("token-input");

            tab.type("not a token");
            tab.press("Tab");
            tab.press("Enter");
            assertThat(tab.text("document.getElementById('token-error').textContent")).contains("That is not a token");
            assertThat(tab.text(focused)).isEqualTo("token-input");
            assertThat(tab.text("document.getElementById('token-input').getAttribute('aria-invalid')")).isEqualTo("true");

            tab.evaluate("(document.getElementById('token-input').value = '', true)");
            tab.type("Bearer " + CannedWorkloadApi.OPS);
            tab.press("Tab");
            tab.press("Enter");
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            assertThat(tab.evaluate("document.querySelectorAll('#centers-body tr[data-center]').length").asInt()).isEqualTo(10);
            assertThat(tab.text("document.getElementById('who').innerText")).isEqualTo("Signed in as ops (ops)");
            assertThat(tab.text("document.getElementById('token-input').value")).as("the pasted token is not left in the form").isEmpty();

            tab.evaluate("document.getElementById('sign-out').focus()");
            tab.press("Enter");
            assertThat(tab.text("document.body.dataset.auth")).isEqualTo("signed-out");
            assertThat(tab.evaluate("sessionStorage.getItem('centerline.workload.token')").isNull()).isTrue();
            assertThat(tab.evaluate("document.querySelectorAll('#centers-body tr[data-center], #recommendations li').length").asInt())
                    .as("figures left in the page").isZero();
            assertThat(tab.text("document.getElementById('signin-message').textContent")).contains("Signed out");
            assertThat(tab.text(focused)).isEqualTo("signin-heading");
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    @Test
    void aRefusedTokenSaysWhyAndAsksForAnother() {
        String refused = "document.body.dataset.auth === 'signed-out' && document.getElementById('signin-message').textContent !== ''";
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", TestTokens.expired(Role.DIRECTOR)))) {
            tab.waitUntil(refused, LOAD);
            assertThat(tab.text("document.getElementById('signin-message').textContent"))
                    .contains("Your token was not accepted: it has expired, or it was not issued for Centerline");
            assertThat(tab.evaluate("document.getElementById('workload-data').hidden").asBoolean()).isTrue();
            assertThat(tab.evaluate("sessionStorage.getItem('centerline.workload.token')").isNull()).isTrue();
            // The page handles it: no script error. (The browser itself logs the 401 as a failed load.)
            assertThat(tab.javascriptErrors()).as("script errors").isEmpty();
        }
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.FILER))) {
            tab.waitUntil(refused, LOAD);
            assertThat(tab.text("document.getElementById('signin-message').textContent"))
                    .contains("signed in as filer-ABC (filer), who may not see the workload", "Center directors (of any Center) and ops");
            assertThat(tab.evaluate("document.getElementById('signin').hidden").asBoolean()).isFalse();
            assertThat(tab.text("document.activeElement.id")).isEqualTo("signin-heading");
            assertThat(tab.javascriptErrors()).as("script errors").isEmpty();
        }
    }

    @Test
    void anOpsTokenIsToldItsRoleMayNotRunTheWhatIf() {
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/", CannedWorkloadApi.OPS))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            runWhatIf(tab, "85", "MAC");
            tab.waitUntil("document.getElementById('whatif-status').textContent.includes('may not')", LOAD);
            assertThat(tab.text("document.getElementById('whatif-status').textContent"))
                    .contains("Your role (ops) may not run a what-if: only a Center director or an admin may");
            assertThat(tab.evaluate("document.querySelectorAll('#whatif-table tbody tr').length").asInt()).isZero();
            // Still signed in: ops may read the workload.
            assertThat(tab.text("document.body.dataset.auth")).isEqualTo("signed-in");
            assertThat(tab.evaluate("document.querySelectorAll('#centers-body tr[data-center]').length").asInt()).isEqualTo(10);
            assertThat(tab.javascriptErrors()).as("script errors").isEmpty();
        }
    }

    @Test
    void atNationalNumbersNothingOverlapsNothingScrollsSidewaysAndHiresComeFirst() throws Exception {
        // Seven-digit demand (ELE 1,500,000 points/day) and four-digit utilization (ELE 6,818 %), at 1366x900.
        try (HeadlessChromium.Tab tab = chromium.open(signedIn("/national/", CannedWorkloadApi.DIRECTOR))) {
            tab.waitUntil("document.body.dataset.refresh === 'ok'", LOAD);
            tab.waitUntil("document.querySelectorAll('#recommendations li.rec').length > 0", LOAD);
            String ele = tab.text("document.querySelector('#centers-body tr[data-center=ELE]').innerText");
            tab.screenshot(TARGET.resolve("rebalance-view-national.png"), true);
            assertThat(ele.replace('\u00a0', ' ').replace('\u202f', ' ')).contains("6,818 %").contains("1,500,000");

            // No sideways scroll: not the page, not the table's own scroller.
            assertThat(tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                    .as("page width %s at %s", tab.text("String(document.documentElement.scrollWidth)"), WIDTH).isTrue();
            List<String> scrolling = strings(tab.evaluate("Array.from(document.querySelectorAll('.table-scroll'))"
                    + ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)"));
            assertThat(scrolling).as("scrolling sideways").isEmpty();
            // No overlap: no cell's content spills out of it, and no two pieces of text in a row cross.
            List<String> overlaps = strings(tab.evaluate("""
                    (() => {
                      const bad = [];
                      const cross = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
                          && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
                      document.querySelectorAll('#centers tr').forEach(tr => {
                        tr.querySelectorAll('td, th').forEach(c => {
                          if (c.scrollWidth > c.clientWidth + 1) bad.push('spills: ' + c.innerText);
                        });
                        const leaves = Array.from(tr.querySelectorAll('*')).filter(e => e.children.length === 0
                            && e.textContent.trim() && e.getClientRects().length && !e.closest('.visually-hidden'));
                        // Per line box: a span that wraps has one rectangle per line, not their union.
                        const crosses = (a, b) => Array.from(a.getClientRects())
                            .some(r => Array.from(b.getClientRects()).some(q => cross(r, q)));
                        for (let i = 0; i < leaves.length; i++) {
                          for (let j = i + 1; j < leaves.length; j++) {
                            if (crosses(leaves[i], leaves[j])) {
                              bad.push('overlap: ' + leaves[i].textContent.trim() + ' / ' + leaves[j].textContent.trim());
                            }
                          }
                        }
                      });
                      return bad;
                    })()"""));
            assertThat(overlaps).as("overlapping or spilling text").isEmpty();

            // Every Center over capacity: the hires lead, before the (empty) transfers.
            List<String> headings = strings(tab.evaluate(
                    "Array.from(document.querySelectorAll('#recommendations h3'), e => e.textContent)"));
            assertThat(headings.get(0)).startsWith("Hires");
            assertThat(tab.consoleErrors()).as("console errors").isEmpty();
        }
    }

    /** Fills the first move of the what-if form and runs it (by a click; the keyboard test does it by keys). */
    private static void runWhatIf(HeadlessChromium.Tab tab, String chapterOrHeading, String toCenter) {
        tab.evaluate("(() => {"
                + " document.querySelector('#moves .move-code').value = '" + chapterOrHeading + "';"
                + " document.querySelector('#moves .move-center').value = '" + toCenter + "';"
                + " document.getElementById('run-whatif').click();"
                + " return true; })()");
    }

    /** The address the local stack prints: the page, with the token in the fragment. */
    private static String signedIn(String path, String token) {
        return api.url(path + "#token=" + token);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static void assertPng(Path png) throws Exception {
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
