package nl.arbeidsmigratie.kg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.web.Browsers.Browser;

/**
 * Issue 19: every page a reader lands on reads like an article. A real headless Chromium against the built jar, at
 * 360 and 390 px (phones) and 1366 px (a laptop): the profile page of a sample of every kind of thing, and every
 * question page. Counts of what was checked go to {@code target/test-artifacts/reader-pages.tsv}.
 */
class ReaderPagesBrowserIT {
    private static final int[] WIDTHS = {360, 390, 1366};
    /** Kinds of things by the path of their IRIs, and how many of each kind the sample takes. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();
    static {
        KINDS.put("wet", "law");
        KINDS.put("aanbeveling", "recommendation");
        KINDS.put("maatregel", "measure");
        KINDS.put("organisatie", "responsible body");
        KINDS.put("probleem", "problem");
        KINDS.put("cijfer", "figure");
        KINDS.put("bron", "source");
    }
    private static final int PER_KIND = 4;

    private static JarServer server;
    private static Browser browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws IOException {
        Path copy = Files.createTempFile("arbeidsmigratie-kg-", ".jar");
        copy.toFile().deleteOnExit();
        Files.copy(JarServer.jar(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.setProperty("kg.jar", copy.toString());
        server = JarServer.start();
        browser = Browsers.open(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void freshWindow() {
        d().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        d().manage().window().setSize(new Dimension(1366, 900));
    }

    /**
     * What a reader must never meet on a Dutch page, looked for in the text of {@code main} with every fold opened:
     * true/false, a language tag, an ISO date, text marked as English; and the page never scrolls sideways.
     * Identifiers (IRIs in {@code code}), the SPARQL text and form fields are not prose and are left out.
     */
    private static final String READER_CHECK = """
            document.querySelectorAll('main details').forEach(d => d.open = true);
            const problems = [];
            const page = document.documentElement;
            if (page.scrollWidth > page.clientWidth) problems.push('scrolls sideways: ' + page.scrollWidth + ' > ' + page.clientWidth);
            const wide = Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > page.clientWidth + 1
                && getComputedStyle(e).position !== 'absolute' && !e.closest('.table-wrap, svg, pre'));
            if (wide.length) problems.push('wider than the screen: ' + wide[0].tagName + '.' + wide[0].className + ' ' + Math.round(wide[0].getBoundingClientRect().right));
            const main = document.querySelector('main').cloneNode(true);
            main.querySelectorAll('code, pre, script, input, textarea, select, details.sparql, .formats').forEach(e => e.remove());
            const english = Array.from(document.querySelectorAll('main [lang]')).filter(e => e.lang !== 'nl' && e.textContent.trim());
            if (document.documentElement.lang === 'nl' && english.length) problems.push('English-only text: ' + english[0].textContent.trim().slice(0, 80));
            // a web address is not a value: "?onepage=true" in a link is no "true" for the reader
            const text = main.textContent.replace(/https?:\\/\\/\\S+/g, ' ').replace(/\\s+/g, ' ');
            for (const [what, re] of [['true/false', /\\b(true|false)\\b/], ['language tag', /@(nl|en)\\b/], ['ISO date', /\\b\\d{4}-\\d{2}-\\d{2}\\b/]]) {
              const m = text.match(re);
              if (m) problems.push(what + ': …' + text.slice(Math.max(0, m.index - 50), m.index + 30) + '…');
            }
            return problems;
            """;

    @Test
    void everyKindOfProfilePageReadsLikeAnArticleOnPhonesAndLaptops() throws Exception {
        Map<String, List<String>> sample = profileSample();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        StringBuilder report = new StringBuilder("kind\tpath\twidth\tproblems\n");
        for (int width : WIDTHS) {
            d().manage().window().setSize(new Dimension(width, 900));
            for (Map.Entry<String, List<String>> kind : sample.entrySet()) {
                for (String path : kind.getValue()) {
                    List<String> found = check(path + "?lang=nl");
                    checked++;
                    report.append(kind.getKey()).append('\t').append(path).append('\t').append(width).append('\t').append(found.size()).append('\n');
                    for (String f : found) problems.add(width + " px " + path + ": " + f);
                }
            }
        }
        write("reader-profile-pages.tsv", report);
        assertTrue(checked >= KINDS.size() * WIDTHS.length, "a sample of every kind at every width: " + checked);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyQuestionPageReadsInDutchOnPhonesAndLaptops() throws Exception {
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder("question\twidth\tproblems\n");
        int checked = 0;
        for (int width : WIDTHS) {
            d().manage().window().setSize(new Dimension(width, 900));
            for (String id : questionIds()) {
                List<String> found = check("/q/" + id + "?lang=nl");
                checked++;
                report.append(id).append('\t').append(width).append('\t').append(found.size()).append('\n');
                for (String f : found) problems.add(width + " px /q/" + id + ": " + f);
            }
        }
        write("reader-question-pages.tsv", report);
        assertTrue(checked >= 3 * 15, "every question at every width: " + checked);
        assertEquals(List.of(), problems);
    }

    /** A profile page names its kind as the facts have it: the Wtta, adopted by the Senate, is an act since then. */
    @Test
    void theWttaReadsAsAnActAdoptedOnItsDateAndLinksToWhereItStands() throws Exception {
        d().get(server.base() + "/id/wet/wtta?lang=nl");
        assertEquals("Wet, aangenomen op 11 november 2025 (tot dan een wetsvoorstel)", d().findElement(By.cssSelector(".profile .kind")).getText());
        List<String> questions = d().findElements(By.cssSelector(".profile .questions a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertTrue(questions.stream().anyMatch(h -> h.startsWith("/q/law?law=")), "where it stands: " + questions);
        List<String> dates = d().findElements(By.cssSelector(".profile ol.timeline time")).stream().map(WebElement::getText).toList();
        assertTrue(dates.contains("15 april 2025") && dates.contains("11 november 2025"), "its history: " + dates);
        assertFalse(d().findElements(By.cssSelector(".profile ol.timeline .source-line a")).isEmpty(), "each step with its source");
        assertTrue(d().findElement(By.cssSelector("details.all-data summary")).getText().contains("Alle gegevens"));
        d().get(server.base() + "/id/organisatie/nla?lang=nl");
        List<String> bodyQuestions = d().findElements(By.cssSelector(".profile .questions a")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertTrue(bodyQuestions.stream().anyMatch(h -> h.startsWith("/q/body-progress?body=")), "a body links to its progress: " + bodyQuestions);
    }

    /**
     * Progress per responsible body: the overview draws every body side by side, and one body's page has its chart,
     * its table and its CSV, with as many cards as the API has rows and a chart that counts exactly those rows.
     */
    @Test
    void progressPerBodyHasAnOverviewAndAPagePerBodyWhoseChartCountsItsRows() throws Exception {
        d().get(server.base() + "/q/body-progress?asOf=2025-06-27&lang=nl");
        new WebDriverWait(d(), Duration.ofSeconds(15)).until(x -> !d().findElements(By.cssSelector("#chart svg rect")).isEmpty());
        JsonArray rows = api("body-progress", "asOf=2025-06-27&lang=nl");
        Set<String> bodies = new LinkedHashSet<>();
        for (JsonValue r : rows) bodies.add(r.getAsObject().getObj("bodyLabel").getString("value"));
        JsonObject chart = chart();
        assertEquals(bodies.size(), chart.get("categories").getAsArray().size(), "one bar per body");
        assertEquals(rows.size(), total(chart), "the bars add up to the rows");
        assertEquals(rows.size(), d().findElements(By.cssSelector("#results tbody tr")).size());

        String nla = "https://w3id.org/arbeidsmigratie/id/organisatie/nla";
        d().get(server.base() + "/q/body-progress?body=" + enc(nla) + "&asOf=2025-06-27&lang=nl");
        JsonArray nlaRows = api("body-progress", "body=" + enc(nla) + "&asOf=2025-06-27&lang=nl");
        assertTrue(nlaRows.size() > 0);
        assertEquals(nlaRows.size(), total(chart()));
        assertEquals(nlaRows.size(), d().findElements(By.cssSelector("#results tbody tr")).size());
        HttpResponse<String> csv = get(d().findElement(By.id("download-csv")).getDomAttribute("href"));
        assertEquals(200, csv.statusCode());
        assertEquals(nlaRows.size() + 1, csv.body().strip().split("\r?\n").length, "the CSV has the same rows");
    }

    /** recommendation-status: whatever the query returns, the chart counts its rows, as the row counter does. */
    @Test
    void recommendationStatusChartAddsUpToTheRowCount() throws Exception {
        for (String query : List.of("lang=nl", "asOf=2025-06-27&lang=nl")) {
            d().get(server.base() + "/q/recommendation-status?" + query);
            int rows = api("recommendation-status", query).size();
            assertEquals(String.valueOf(rows), d().findElement(By.id("row-count")).getDomAttribute("data-rows"));
            assertEquals(rows, total(chart()), query + ": the chart's bars add up to the rows");
        }
    }

    /** The chart says what it shows: the selection and the date in its title, its file name and its source line. */
    @Test
    void chartDownloadCarriesSelectionAndDateInTitleFileNameAndSourceLine() throws Exception {
        Path downloads = Files.createTempDirectory("kg-downloads-");
        d().executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        String issuer = "https://w3id.org/arbeidsmigratie/id/organisatie/aanjaagteam-bescherming-arbeidsmigranten";
        String label = allowedLabel("recommendation-status", "by", issuer);
        String version = get("/?lang=nl").headers().firstValue("X-Data-Version").orElseThrow();
        d().get(server.base() + "/q/recommendation-status?asOf=2025-06-27&by=" + enc(issuer) + "&lang=nl");
        new WebDriverWait(d(), Duration.ofSeconds(15)).until(x -> "true".equals(d().findElement(By.id("chart-svg")).getDomAttribute("data-ready")));
        String name = d().findElement(By.id("chart-svg")).getDomAttribute("download");
        assertEquals("aanbevelingen-per-status-aanjaagteam-bescherming-arbeidsmigranten-2025-06-27.svg", name);
        d().findElement(By.id("chart-svg")).click();
        Path file = downloads.resolve(name);
        new WebDriverWait(d(), Duration.ofSeconds(15)).until(x -> Files.isRegularFile(file));
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(Files.readAllBytes(file)));
        List<String> lines = new ArrayList<>();
        var texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) lines.add(texts.item(i).getTextContent());
        String all = String.join(" ", lines);
        String title = lines.get(0);
        assertTrue(title.startsWith("Aanbevelingen per status") || all.contains("Aanbevelingen per status — " + label), all);
        assertTrue(all.contains(label) && all.contains("stand op 27 juni 2025"), "selection and date in the title: " + all);
        assertTrue(all.contains("Bron: ") && all.contains("dataversie " + version), "source line: " + all);
        assertTrue(all.contains("opgevraagd op "), "the date of the answer: " + all);
        assertTrue(all.replace(" ", "").contains(server.base().replace(" ", "") + "/q/recommendation-status?"),
                "and the permalink: " + all);
    }

    /** On a phone "geen" stays visible in the cards, and "geen" sorts first ascending and last descending. */
    @Test
    void cardsShowNoneAndSortItFirstAscendingAndLastDescending() throws Exception {
        d().manage().window().setSize(new Dimension(390, 844));
        d().get(server.base() + "/q/unaddressed-problems?lang=nl");
        List<WebElement> none = d().findElements(By.cssSelector("#results td.says-none"));
        assertFalse(none.isEmpty(), "the answer has problems without a measure");
        for (WebElement cell : none.subList(0, Math.min(5, none.size()))) assertTrue(cell.isDisplayed(), "‘geen’ is shown in the card");
        Select column = new Select(d().findElement(By.id("card-sort-col")));
        column.selectByVisibleText("Maatregelen");
        new Select(d().findElement(By.id("card-sort-dir"))).selectByValue("asc");
        assertTrue(firstCard("measures").endsWith("geen"), "ascending: ‘geen’ first, " + firstCard("measures"));
        new Select(d().findElement(By.id("card-sort-dir"))).selectByValue("desc");
        assertFalse(firstCard("measures").endsWith("geen"), "descending: ‘geen’ last, " + firstCard("measures"));
        // The download bar stands before the answer.
        int bar = d().findElement(By.cssSelector("nav.share-bar")).getRect().getY();
        int answer = d().findElement(By.id("results")).getRect().getY();
        assertTrue(bar < answer && bar < 900, "downloads and ‘cite this’ before the answer: bar at " + bar + ", answer at " + answer);
    }

    /**
     * "Cite this" names as the place in the report the chapters the shown rows cite (the law page: its rows' own
     * locators), not every chapter some neighbour of a row appears in; and it says where the author name comes from.
     */
    @Test
    void citationPlacesAreTheChaptersTheShownRowsCite() throws Exception {
        String wtta = enc("https://w3id.org/arbeidsmigratie/id/wet/wtta");
        Set<String> cited = new java.util.TreeSet<>();
        for (JsonValue r : api("law", "law=" + wtta + "&lang=nl")) {
            JsonObject row = r.getAsObject();
            if (!row.hasKey("locator")) continue;
            var m = java.util.regex.Pattern.compile("(Inleiding|Hoofdstuk \\d+)").matcher(row.getObj("locator").getString("value"));
            while (m.find()) cited.add(m.group(1));
        }
        d().get(server.base() + "/q/law?law=" + wtta + "&lang=nl");
        String citation = d().findElement(By.id("citation")).getText();
        Set<String> named = new java.util.TreeSet<>();
        var m = java.util.regex.Pattern.compile("(Inleiding|Hoofdstuk \\d+)").matcher(citation);
        while (m.find()) named.add(m.group(1));
        assertFalse(cited.isEmpty());
        assertEquals(cited, named, citation);
        assertTrue(citation.contains("(auteur volgens de metadata van het rapport)"), citation);
    }

    /** A question that takes no date refuses one in the page's language, as its API refuses it. */
    @Test
    void aQuestionWithoutADateRefusesAsOfInThePageLanguage() throws Exception {
        // agenda has no date (law took one with issue 17)
        HttpResponse<String> page = get("/q/agenda?asOf=2025-06-27&lang=nl");
        assertEquals(400, page.statusCode());
        assertEquals(400, get("/api/queries/agenda?asOf=2025-06-27").statusCode(), "as its API does");
        assertTrue(page.body().contains("Deze vraag gaat niet over een stand op een datum"), page.body());
        HttpResponse<String> badDate = get("/q/recommendation-status?asOf=27-06-2025&lang=nl");
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("hoort een datum"), badDate.body());
        assertFalse(badDate.body().contains("must be"), "no English on the Dutch page");
    }

    @Test
    void downloadsPageFitsAPhoneWithReadableSizes() throws Exception {
        d().manage().window().setSize(new Dimension(390, 844));
        assertEquals(List.of(), check("/dumps/?lang=nl"));
        List<String> sizes = d().findElements(By.cssSelector("table.dumps td[data-bytes]")).stream().map(WebElement::getText).toList();
        assertFalse(sizes.isEmpty());
        for (String s : sizes) assertTrue(s.matches("[\\d.,]+ (kB|MB|bytes)"), "a size the reader's way: " + s);
    }

    // ---- helpers

    private static List<String> check(String path) {
        d().get(server.base() + path);
        new WebDriverWait(d(), Duration.ofSeconds(15)).until(x -> "complete".equals(d().executeScript("return document.readyState")));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) d().executeScript(READER_CHECK);
        return found;
    }

    private static String firstCard(String col) {
        return d().findElement(By.cssSelector("#results tbody tr td[data-label='Maatregelen']")).getText().strip();
    }

    /** Every thing of a kind by its IRI path, ordered; the sample spreads over the list. */
    private static Map<String, List<String>> profileSample() throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String kind : KINDS.keySet()) {
            String q = "SELECT DISTINCT ?s { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"https://w3id.org/arbeidsmigratie/id/" + kind + "/\")) } ORDER BY ?s";
            JsonArray rows = JSON.parse(get("/kg/sparql?query=" + enc(q), "application/sparql-results+json").body())
                    .getObj("results").get("bindings").getAsArray();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < PER_KIND && i < rows.size(); i++) {
                String iri = rows.get(i * rows.size() / PER_KIND).getAsObject().getObj("s").getString("value");
                paths.add(iri.replace("https://w3id.org/arbeidsmigratie", ""));
            }
            assertFalse(paths.isEmpty(), "things of kind " + kind);
            out.put(kind, paths);
        }
        out.get("wet").add("/id/wet/wtta");
        out.get("organisatie").add("/id/organisatie/nla");
        out.get("bron").add("/id/bron/rapport");
        out.get("aanbeveling").add("/id/aanbeveling/roemer");
        return out;
    }

    private static List<String> questionIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonValue v : JSON.parseAny(get("/api/queries").body()).getAsArray()) ids.add(v.getAsObject().getString("id"));
        return ids;
    }

    private static JsonObject chart() {
        String json = (String) d().executeScript("return document.getElementById('chart-data').textContent");
        return JSON.parse(json);
    }

    private static long total(JsonObject chart) {
        double sum = 0;
        for (JsonValue c : chart.get("categories").getAsArray())
            for (JsonValue v : c.getAsObject().get("values").getAsArray()) sum += v.getAsNumber().value().doubleValue();
        return Math.round(sum);
    }

    private static JsonArray api(String id, String query) throws Exception {
        HttpResponse<String> r = get("/api/queries/" + id + "?" + query);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).getObj("results").get("bindings").getAsArray();
    }

    private static String allowedLabel(String id, String param, String value) throws Exception {
        for (JsonValue q : JSON.parseAny(get("/api/queries").body()).getAsArray()) {
            if (!id.equals(q.getAsObject().getString("id"))) continue;
            for (JsonValue p : q.getAsObject().get("parameters").getAsArray()) {
                if (!param.equals(p.getAsObject().getString("name"))) continue;
                for (JsonValue a : p.getAsObject().get("allowedValues").getAsArray())
                    if (value.equals(a.getAsObject().getString("value"))) return a.getAsObject().getObj("label").getString("nl");
            }
        }
        throw new AssertionError(value + " is not an allowed value of " + id + "/" + param);
    }

    private static void write(String name, StringBuilder text) throws IOException {
        Path dir = Path.of(System.getProperty("kg.artifacts", "target/test-artifacts"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }

    private static ChromeDriver d() { return browser.driver; }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "*/*");
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : server.base() + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
