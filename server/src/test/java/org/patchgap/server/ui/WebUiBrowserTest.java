package org.patchgap.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchgap.server.Repo;
import org.patchgap.server.ServerTestBase;
import org.patchgap.server.auth.Role;
import org.patchgap.server.demo.DemoFleet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in real headless Chromium (Debian's chromium and chromedriver; `.ci/apt-packages.d/browser.txt`)
 * against the real server with the demo fleet: sign in, the overview, MS17-010 to the hosts still exposed, a host,
 * the findings list and its exports, a phone-width page, the keyboard, administration — each number shown checked
 * against the API's. Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest extends ServerTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    static WebDriver driver;
    static boolean demoLoaded;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> org.patchgap.server.TestDatabases.embeddedMemory("ui"));
    }

    @Autowired
    DemoFleet demo;

    @BeforeAll
    static void browser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("PATCHGAP_REQUIRE_SERVICES"))) {
            throw new IllegalStateException("chromium and chromium-driver are required (PATCHGAP_REQUIRE_SERVICES=1)");
        }
        assumeTrue(present, "no /usr/bin/chromium or /usr/bin/chromedriver (Debian's chromium, chromium-driver); browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("patchgap-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void quit() {
        if (driver != null) driver.quit();
    }

    @BeforeEach
    void demoFleet() throws Exception {
        if (!demoLoaded) {
            demo.load(Repo.examples(""));
            demoLoaded = true;
        }
        at(NOW);
    }

    private String page(String path) {
        driver.get(base() + path);
        return driver.getCurrentUrl();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    private void signInWithKey(String key) {
        page("/login"); // cookies can only be cleared for the site the browser is on
        driver.manage().deleteAllCookies();
        page("/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("apikey")).sendKeys(key);
        driver.findElement(By.id("apikey")).submit();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    static void shot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void waitForChart() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                "true".equals(d.findElement(By.id("exposure-chart")).getDomAttribute("data-drawn")));
    }

    @Test
    @Order(1)
    void signInThenTheOverviewShowsWhatTheApiSays() throws Exception {
        signInWithKey(keyFor("admins", Role.ADMIN));
        page("/");
        JsonNode fleet = admin.get("/api/v1/patch-gap").json();
        assertThat(text("exposed-now")).isEqualTo(fleet.at("/exposedTargets/now").asText());
        assertThat(text("kev-past-due")).isEqualTo(fleet.at("/kevPastDue/count").asText());
        assertThat(text("gap-median")).isEqualTo(fleet.at("/daysFromFixToResolved/median").asText());
        assertThat(text("kev-open")).isEqualTo(admin.get("/api/v1/findings?kev=true&size=1").json().get("total").asText());
        waitForChart();
        assertThat(driver.findElement(By.id("exposure-chart")).getDomAttribute("data-points"))
                .isEqualTo(Integer.toString(fleet.at("/exposedTargets/series").size()));
        shot("overview.png");
    }

    @Test
    @Order(2)
    void ms17010LeadsToTheHostsStillExposedAndWhatEachNeeds() throws Exception {
        page("/");
        WebElement search = driver.findElement(By.id("vuln-search"));
        search.sendKeys("MS17-010", Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/vulnerabilities/MS17-010"));
        JsonNode gap = admin.get("/api/v1/patch-gap?vulnerability=MS17-010").json();
        assertThat(text("exposed-now")).isEqualTo(gap.at("/exposedTargets/now").asText());
        JsonNode open = admin.get("/api/v1/findings?vulnerability=MS17-010&size=500").json();
        List<WebElement> rows = driver.findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows).hasSize(open.get("total").asInt());
        assertThat(rows.get(0).getText()).contains("KB");
        waitForChart();
        shot("vulnerability-ms17-010.png");

        // A host from that list: its page lists the open findings the API lists.
        WebElement host = rows.get(0).findElement(By.cssSelector("td a"));
        String name = host.getText();
        host.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/targets/" + name));
        assertThat(text("open-count")).isEqualTo(
                admin.get("/api/v1/findings?target=" + name + "&size=1").json().get("total").asText());
        shot("target.png");
    }

    @Test
    @Order(3)
    void theFindingsListFiltersSortsAndExports() throws Exception {
        page("/findings?kev=true&sort=kev");
        JsonNode kev = admin.get("/api/v1/findings?kev=true&size=1").json();
        assertThat(text("total")).isEqualTo(kev.get("total").asText());
        shot("findings.png");
        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/findings.csv?kev=true")).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(kev.get("total").asInt() + 1);
        HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/findings.json?kev=true")).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body()).get("findings"))
                .hasSize(kev.get("total").asInt());
        // A POST without the form's CSRF token is refused, even with the session.
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/admin/teams"))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(teams.byName("forged")).isEmpty();
    }

    @Test
    @Order(4)
    void aPhoneWidthNeedsNoHorizontalScrollingAndTheKeyboardReachesTheContent() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String path : List.of("/findings?status=all", "/", "/vulnerabilities/MS17-010")) {
                page(path);
                Object overflow = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
            }
            page("/findings");
            shot("findings-phone.png");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
        page("/");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
    }

    @Test
    @Order(5)
    void anAdministratorMakesAUserWhoSignsInWithAPassword() throws Exception {
        page("/admin");
        driver.findElement(By.cssSelector("form[action$='/admin/users'] input[name=username]")).sendKeys("dana");
        driver.findElement(By.cssSelector("form[action$='/admin/users'] input[name=password]")).sendKeys("correct horse battery");
        driver.findElement(By.cssSelector("form[action$='/admin/users'] button")).click();
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("User dana made.");
        shot("admin.png");
        driver.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login"));
        driver.findElement(By.id("username")).sendKeys("dana");
        driver.findElement(By.id("password")).sendKeys("wrong password!");
        driver.findElement(By.id("password")).submit();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("error"));
        driver.findElement(By.id("username")).sendKeys("dana");
        driver.findElement(By.id("password")).sendKeys("correct horse battery");
        driver.findElement(By.id("password")).submit();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(driver.findElement(By.cssSelector("header .who")).getText()).isEqualTo("admins · admin");
    }

    @Test
    @Order(6)
    void aMemberSeesOnlyItsTeamAndNoAdministration() throws Exception {
        signInWithKey(keyFor("ops", Role.READONLY));
        page("/admin");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        page("/targets/shop-backend");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        page("/targets/no-such-host");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        page("/findings?status=all");
        JsonNode ops = admin.get("/api/v1/findings?team=ops&status=all&size=1").json();
        assertThat(text("total")).isEqualTo(ops.get("total").asText());
        assertThat(driver.getPageSource()).doesNotContain("shop-backend");
    }

    /** Issue 13: a member records a decision on a finding's page; a read-only account sees it and has no form. */
    @Test
    @Order(7)
    void aMemberRecordsADecisionOnAFindingAndTheHistoryKeepsIt() throws Exception {
        signInWithKey(keyFor("ops", Role.MEMBER));
        page("/findings?sort=severity");
        WebElement first = driver.findElement(By.cssSelector("main table tbody tr a.decision"));
        first.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().matches(".*/findings/\\d+$"));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/findings/", ""));
        assertThat(text("decision")).isEqualTo("none");

        // A not-affected decision without its justification is refused and says why.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("state"))).selectByValue("not_affected");
        driver.findElement(By.id("detail")).sendKeys("the service never parses untrusted input");
        driver.findElement(By.cssSelector("#decide button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("notice")).isEmpty());
        assertThat(text("notice")).startsWith("Not recorded: not_affected needs a justification");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("state"))).selectByValue("not_affected");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("justification")))
                .selectByValue("vulnerable_code_not_in_execute_path");
        driver.findElement(By.id("detail")).sendKeys("the service never parses untrusted input");
        WebElement refusal = driver.findElement(By.id("notice"));
        driver.findElement(By.cssSelector("#decide button[type=submit]")).click();
        // The page is replaced: wait for the old notice to go, then read the new one.
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(refusal));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("notice")).getText().equals("Decision recorded."));
        assertThat(text("decision")).isEqualTo("not affected");
        assertThat(driver.findElement(By.id("decisions")).getText()).contains("vulnerable_code_not_in_execute_path",
                "the service never parses untrusted input", "key ");
        JsonNode api = admin.get("/api/v1/findings/" + id).json();
        assertThat(api.at("/analysis/state").asText()).isEqualTo("not_affected");
        assertThat(api.get("status").asText()).isEqualTo("open");
        shot("finding-decision.png");

        signInWithKey(keyFor("ops", Role.READONLY));
        page("/findings/" + id);
        assertThat(text("decision")).isEqualTo("not affected");
        assertThat(driver.findElements(By.id("decide"))).isEmpty();
    }

    /** Submits a form and waits for the page to be replaced by the notice the change leaves. */
    private void submitAndWait(String formId) {
        WebElement old = driver.findElement(By.id(formId));
        driver.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(old));
    }

    @Test
    @Order(8)
    void anAnonymousReportIsCoordinatedPublishedAndItsUptakeShown() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String cert = "cert-" + run;
        String vendor = "acme-" + run;
        String pkg = "gadget-" + run;
        String coordinatorKey = keyFor(cert, Role.MEMBER);
        String vendorKey = keyFor(vendor, Role.MEMBER);
        assertThat(admin.putJson("/api/v1/teams/" + cert + "/coordinator", "{\"coordinator\": true}").status()).isEqualTo(200);
        for (String t : List.of("app-1", "app-2")) {
            member.put("/api/v1/targets/" + t + "/inventory", org.patchgap.server.Fixtures.sbom(t,
                    new org.patchgap.server.Fixtures.Pkg(pkg, "3.1.0")));
        }

        // The report form needs no account; the proof of concept goes along as a file.
        page("/login");
        driver.manage().deleteAllCookies();
        page("/report");
        driver.findElement(By.id("title")).sendKeys("Heap overflow in " + pkg);
        driver.findElement(By.id("vendor")).sendKeys(vendor);
        driver.findElement(By.id("product")).sendKeys(pkg);
        driver.findElement(By.id("versions")).sendKeys("3.0.0 to 3.1.x");
        driver.findElement(By.id("description")).sendKeys("A long header overflows the parser's buffer.");
        Path poc = Files.createTempFile("poc-", ".py");
        Files.writeString(poc, "print('overflow')\n");
        driver.findElement(By.id("attachments")).sendKeys(poc.toString());
        shot("disclosure-report-form.png");
        submitAndWait("report");
        String caseId = text("case-id");
        String token = text("token");
        assertThat(caseId).startsWith("PGC-");
        assertThat(token).startsWith("pgr_");

        // An outsider's view of the case is the page of a case that does not exist.
        signInWithKey(keyFor("outsider-" + run, Role.MEMBER));
        page("/disclosure/cases/" + caseId);
        String hidden = driver.findElement(By.tagName("main")).getText().replace(caseId, "ID");
        page("/disclosure/cases/PGC-" + "b".repeat(26));
        assertThat(driver.findElement(By.tagName("main")).getText().replace("PGC-" + "b".repeat(26), "ID")).isEqualTo(hidden);
        assertThat(hidden).startsWith("Not found");

        // The coordinators triage it and invite the vendor.
        signInWithKey(coordinatorKey);
        page("/disclosure");
        driver.findElement(By.linkText(caseId)).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith(caseId));
        assertThat(text("case-state")).isEqualTo("reported");
        submitAndWait("triage");
        assertThat(text("case-state")).isEqualTo("accepted");
        driver.findElement(By.id("team")).sendKeys(vendor);
        submitAndWait("invite");
        assertThat(text("notice")).isEqualTo("Vendor invited.");

        // The vendor answers, and keeps a private note.
        signInWithKey(vendorKey);
        page("/disclosure/cases/" + caseId);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status-value"))).selectByValue("affected");
        driver.findElement(By.id("statement")).sendKeys("confirmed, fixed in 3.1.1");
        submitAndWait("status");
        driver.findElement(By.id("body")).sendKeys("release train leaves Friday");
        driver.findElement(By.id("privateNote")).click();
        submitAndWait("post");
        assertThat(text("messages")).contains("release train leaves Friday", "private note");

        // The reporter signs in with the token and lands on the case: the status, not the vendor's note.
        signInWithKey(token);
        assertThat(driver.getCurrentUrl()).endsWith("/disclosure/cases/" + caseId);
        assertThat(text("vendors")).contains(vendor, "affected", "confirmed, fixed in 3.1.1");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("release train");
        driver.findElement(By.id("body")).sendKeys("Thanks, I can test 3.1.1.");
        submitAndWait("post");
        assertThat(text("messages")).contains("Thanks, I can test 3.1.1.");

        // The coordinators answer in the thread.
        signInWithKey(coordinatorKey);
        page("/disclosure/cases/" + caseId);
        WebElement question = driver.findElements(By.cssSelector("#messages > li")).get(0);
        question.findElement(By.tagName("summary")).click();
        question.findElement(By.tagName("textarea")).sendKeys("Please do, a build follows.");
        question.findElement(By.cssSelector("form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(question));
        assertThat(driver.findElement(By.cssSelector("#messages li.reply")).getText()).contains("in reply to #",
                "Please do, a build follows.");

        // The coordinators write the advisory, check it and publish: the fleet is matched at once.
        signInWithKey(coordinatorKey);
        page("/disclosure/cases/" + caseId);
        String draft = """
                {"title": "Heap overflow in %1$s", "summary": "%1$s 3.0.0 to 3.1.0 overflow on long headers; upgrade to 3.1.1.",
                 "cve": "CVE-2099-7003", "cvss": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                 "products": [{"vendor": "%2$s", "name": "%1$s", "purl": "pkg:npm/%1$s",
                               "affected": [{"introduced": "3.0.0", "fixed": "3.1.1"}]}]}""".formatted(pkg, vendor);
        ((JavascriptExecutor) driver).executeScript("document.getElementById('draft').value = arguments[0];", draft);
        submitAndWait("draft-form");
        assertThat(driver.findElements(By.id("problems"))).isEmpty();
        assertThat(text("publishable")).startsWith("Ready");
        submitAndWait("publish");
        assertThat(text("notice")).isEqualTo("Published.");
        assertThat(text("case-state")).isEqualTo("published");
        JsonNode uptake = admin.as(coordinatorKey).get("/api/v1/cases/" + caseId + "/uptake").json();
        assertThat(uptake.get("exposedAtPublication").asInt()).isEqualTo(2);
        assertThat(text("exposed-at-publication")).isEqualTo("2");
        assertThat(text("exposed-now")).isEqualTo(uptake.get("exposedNow").asText());
        assertThat(text("audit-state")).isEqualTo("The chain of entries is intact.");
        String csafUrl = driver.findElement(By.id("csaf-link")).getText();
        shot("disclosure-case.png");
        // The published document is public; the case stays private.
        page("/login");
        driver.manage().deleteAllCookies();
        driver.get(csafUrl);
        assertThat(driver.getPageSource()).contains("CVE-2099-7003").doesNotContain("release train", "Thanks, I can test");
    }
}
