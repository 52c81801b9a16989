package nl.arbeidsmigratie.kg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.arbeidsmigratie.kg.http.Html;
import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;
import nl.arbeidsmigratie.kg.web.Browsers.Browser;

/**
 * The web page as a journalist and a researcher use it: a real headless Chromium against the built jar. Every
 * count is checked against the prepared-question API for the same parameters, so the page cannot drift from it.
 */
class WebPagesBrowserIT {
    /** The issue's own example: "Which problems did the state answer, and how far did it get?", by theme. */
    private static final String QUESTION = "problems-responses";
    private static final String THEME_PARAM = "theme";
    private static final String THEME = "https://w3id.org/arbeidsmigratie/id/thema/huisvesting";
    private static final String BAR_QUESTION = "recommendation-status";
    private static final String TIMELINE_QUESTION = "timeline";

    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serveACopy();
    private static Browser browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws IOException {
        browser = Browsers.open(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void forgetTheLanguageChoice() {
        d().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        d().manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void galleryListsEveryPreparedQuestion() throws Exception {
        JsonArray questions = JSON.parseAny(body("/api/queries")).getAsArray();
        d().get(server.base() + "/?lang=nl");
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement card : d().findElements(By.cssSelector("li.card")))
            shown.put(card.getDomAttribute("data-id"), card.findElement(By.cssSelector("h4 a")).getText());
        Set<String> ids = new LinkedHashSet<>();
        for (JsonValue v : questions) {
            JsonObject q = v.getAsObject();
            String id = q.getString("id");
            ids.add(id);
            assertEquals(q.getObj("title").getString("nl"), shown.get(id), "gallery title of " + id);
        }
        assertEquals(ids, shown.keySet());
        assertTrue(ids.size() >= 10, "the gallery shows the prepared questions: " + ids);

        HttpResponse<String> home = get("/?lang=nl");
        assertEquals(home.headers().firstValue("X-Data-Version").orElseThrow(),
                d().findElement(By.cssSelector(".intro .version code")).getText(), "the intro names the data version");
        assertEquals("/id/bron/rapport?lang=nl",
                d().findElement(By.cssSelector(".intro a[href^='/id/bron/rapport']")).getDomAttribute("href"));
        Browsers.screenshot(d(), "gallery");

        d().findElement(By.cssSelector("li.card[data-id='" + QUESTION + "'] h4 a")).click();
        wait(d()).until(ExpectedConditions.urlContains("/q/" + QUESTION));
        assertEquals(title(QUESTION, "nl"), d().findElement(By.tagName("h1")).getText());
    }

    @Test
    void theGalleryOffersTheReportDateAndTheAnswerSaysWhichDateItShows() throws Exception {
        d().get(server.base() + "/?lang=en");
        WebElement view = d().findElement(By.cssSelector("li.card[data-id='" + BAR_QUESTION + "'] p.view a"));
        assertEquals("as of 27 June 2025", view.getText());
        view.click();
        wait(d()).until(ExpectedConditions.urlContains("asOf=2025-06-27"));
        assertEquals("Status as of 27 June 2025", d().findElement(By.id("as-of")).getText());
        assertEquals("2025-06-27", d().findElement(By.id("p-asOf")).getDomProperty("value"), "the form keeps the date");
        assertEquals(apiRows(BAR_QUESTION, "asOf=2025-06-27&lang=en"), tableRows(d()).size());
        int rec = column(d(), "recommendationLabel").indexOf("Mandatory certification or admission system for all temp agencies");
        assertEquals("Postponed", column(d(), "statusLabel").get(rec), "the report's view of the Wtta recommendation");

        d().get(server.base() + "/q/" + BAR_QUESTION + "?lang=en");
        assertEquals("Status as of " + java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                Locale.ENGLISH)), d().findElement(By.id("as-of")).getText(), "without a date: today");
        int today = column(d(), "recommendationLabel").indexOf("Mandatory certification or admission system for all temp agencies");
        assertEquals("Adopted", column(d(), "statusLabel").get(today));
    }

    @Test
    void choosingAParameterShowsTheRowsTheApiReturns() throws Exception {
        d().get(server.base() + "/q/" + QUESTION + "?lang=nl");
        Select theme = new Select(d().findElement(By.id("p-" + THEME_PARAM)));
        assertEquals("", theme.getFirstSelectedOption().getDomProperty("value"), "an optional parameter starts at 'all'");
        assertEquals(apiRows(QUESTION, "lang=nl"), tableRows(d()).size(), "all themes: as many rows as the API");

        theme.selectByValue(THEME);
        d().findElement(By.cssSelector("form.params button[type=submit]")).click();
        wait(d()).until(ExpectedConditions.urlContains(THEME_PARAM + "="));
        int rows = tableRows(d()).size();
        assertTrue(rows > 0, "the housing theme has answers");
        assertEquals(apiRows(QUESTION, THEME_PARAM + "=" + enc(THEME) + "&lang=nl"), rows);
        String dutch = allowedLabel(QUESTION, THEME_PARAM, THEME, "nl");
        for (String cell : column(d(), "themeLabel")) assertEquals(dutch, cell);
        assertFalse(d().getCurrentUrl().contains("=&") || d().getCurrentUrl().endsWith("="), "no empty parameters in the link");
    }

    @Test
    void switchingLanguageChangesLabels() throws Exception {
        String dutch = allowedLabel(QUESTION, THEME_PARAM, THEME, "nl");
        String english = allowedLabel(QUESTION, THEME_PARAM, THEME, "en");
        assertNotEquals(dutch, english);
        d().get(server.base() + "/q/" + QUESTION + "?" + THEME_PARAM + "=" + enc(THEME) + "&lang=nl");
        assertEquals(dutch, new Select(d().findElement(By.id("p-" + THEME_PARAM))).getFirstSelectedOption().getText());
        assertEquals(dutch, column(d(), "themeLabel").get(0));
        assertEquals("Thema", header(d(), "themeLabel"));

        d().findElement(By.cssSelector("header.site a.lang")).click();
        wait(d()).until(x -> "en".equals(d().findElement(By.tagName("html")).getDomAttribute("lang")));
        assertEquals(english, new Select(d().findElement(By.id("p-" + THEME_PARAM))).getFirstSelectedOption().getText());
        assertEquals(english, column(d(), "themeLabel").get(0));
        assertEquals("Theme", header(d(), "themeLabel"));
        assertEquals(title(QUESTION, "en"), d().findElement(By.tagName("h1")).getText());

        d().get(server.base() + "/");
        assertEquals("en", d().findElement(By.tagName("html")).getDomAttribute("lang"), "the choice is remembered");
    }

    @Test
    void permalinkReproducesTheRowsInAFreshBrowser() throws Exception {
        d().get(server.base() + "/q/" + QUESTION + "?lang=en");
        new Select(d().findElement(By.id("p-" + THEME_PARAM))).selectByValue(THEME);
        d().findElement(By.cssSelector("form.params button[type=submit]")).click();
        wait(d()).until(ExpectedConditions.urlContains(THEME_PARAM + "="));
        String permalink = d().findElement(By.id("permalink")).getDomProperty("value");
        assertTrue(permalink.startsWith(server.base() + "/q/" + QUESTION + "?") && permalink.contains("lang=en"), permalink);
        List<String> rows = rowTexts(d());
        assertFalse(rows.isEmpty());

        d().findElement(By.id("copy-link")).click();
        wait(d()).until(x -> !d().findElement(By.id("copy-status")).getText().isBlank());

        try (Browser fresh = Browsers.open(true)) {
            fresh.driver.get(permalink);
            assertEquals(rows, rowTexts(fresh.driver));
            assertEquals(THEME, new Select(fresh.driver.findElement(By.id("p-" + THEME_PARAM)))
                    .getFirstSelectedOption().getDomProperty("value"));
            assertEquals("en", fresh.driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        }
    }

    @Test
    void csvDownloadParses() throws Exception {
        d().get(server.base() + "/q/" + QUESTION + "?" + THEME_PARAM + "=" + enc(THEME) + "&lang=en");
        List<String> shown = column(d(), "problemLabel");
        String href = d().findElement(By.id("download-csv-data")).getDomProperty("href");
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<List<String>> table = parseCsv(csv.body());
        JsonObject json = JSON.parse(body("/api/queries/" + QUESTION + "?" + THEME_PARAM + "=" + enc(THEME) + "&lang=en"));
        List<String> vars = new ArrayList<>();
        json.getObj("head").get("vars").getAsArray().forEach(v -> vars.add(v.getAsString().value()));
        assertEquals(vars, table.get(0), "CSV header = the query's columns");
        int labelColumn = vars.indexOf("problemLabel");
        List<String> fromCsv = table.subList(1, table.size()).stream().map(r -> r.get(labelColumn)).toList();
        assertEquals(shown, fromCsv, "the CSV holds the rows of the table, in order");

        String jsonHref = d().findElement(By.id("download-json")).getDomProperty("href");
        JsonObject downloaded = JSON.parse(HTTP.send(HttpRequest.newBuilder(URI.create(jsonHref)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
        assertEquals(shown.size(), downloaded.getObj("results").get("bindings").getAsArray().size());
    }

    @Test
    void editorRunsAQuery() throws Exception {
        String example = null;
        for (JsonValue v : JSON.parseAny(body("/api/queries")).getAsArray())
            if (example == null && v.getAsObject().get("parameters").getAsArray().isEmpty()) example = v.getAsObject().getString("id");
        assertTrue(example != null, "some prepared question has no parameters");

        d().get(server.base() + "/sparql?lang=en");
        wait(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror-code")));
        assertTrue(codeMirror().contains("PREFIX am: <https://w3id.org/arbeidsmigratie/def#>"), "the graph's prefixes are inserted");
        assertTrue(d().findElements(By.cssSelector(".CodeMirror .cm-keyword")).size() > 0, "syntax is highlighted");

        new Select(d().findElement(By.id("example"))).selectByValue(example);
        d().findElement(By.id("run")).click();
        wait(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor-table")));
        int rows = d().findElements(By.cssSelector("#editor-table tbody tr")).size();
        assertEquals(apiRows(example, "lang=en"), rows, "the example gives the prepared question's rows");
        Browsers.screenshot(d(), "editor");

        String count = "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }";
        d().executeScript("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", count);
        d().findElement(By.id("run")).click();
        wait(d()).until(x -> d().findElements(By.cssSelector("#editor-table th")).size() == 1
                && d().findElement(By.cssSelector("#editor-table th")).getText().startsWith("triples"));
        JsonObject direct = JSON.parse(HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query=" + enc(count)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString()).body());
        String expected = direct.getObj("results").get("bindings").getAsArray().get(0).getAsObject()
                .getObj("triples").getString("value");
        assertEquals(expected, d().findElement(By.cssSelector("#editor-table tbody td")).getText());

        String link = d().findElement(By.id("query-link")).getDomProperty("href");
        assertTrue(link.startsWith(server.base() + "/sparql?query="), link);
        d().get(link);
        wait(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror-code")));
        assertEquals(count, codeMirror().trim(), "the link reproduces the query");
    }

    @Test
    void pageWithoutJavaScriptShowsTheTable() throws Exception {
        String path = "/q/" + QUESTION + "?" + THEME_PARAM + "=" + enc(THEME) + "&lang=en";
        int expected = apiRows(QUESTION, THEME_PARAM + "=" + enc(THEME) + "&lang=en");
        HttpResponse<String> page = get(path);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<h1>" + Html.esc(title(QUESTION, "en")) + "</h1>"), "the question is in the HTML");
        Matcher body = Pattern.compile("<table[^>]*id=\"results\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(html);
        assertTrue(body.find(), "the HTML holds the results table");
        assertEquals(expected, body.group(1).split("<tr>", -1).length - 1, "server-rendered rows = API rows");

        try (Browser noJs = Browsers.open(false)) {
            noJs.driver.get(server.base() + path);
            assertEquals(expected, tableRows(noJs.driver).size());
            assertFalse(noJs.driver.findElement(By.id("table-filter")).isDisplayed(), "JS-only controls stay hidden");
            assertTrue(noJs.driver.findElement(By.id("download-csv")).isDisplayed(), "downloads work without JS");
            assertFalse(noJs.driver.findElement(By.id("chart")).isDisplayed());
            Browsers.screenshot(noJs.driver, "question-without-javascript");
        }
    }

    @Test
    void distributionIsDrawnAsABarChart() throws Exception {
        d().get(server.base() + "/q/" + BAR_QUESTION + "?lang=en");
        wait(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart svg rect")));
        String x = chartSetting(BAR_QUESTION, "chart_x");
        Set<String> categories = new LinkedHashSet<>();
        for (JsonValue b : apiBindings(BAR_QUESTION, "lang=en")) {
            JsonObject row = b.getAsObject();
            if (row.hasKey(x)) categories.add(row.getObj(x).getString("value"));
        }
        assertEquals(categories.size(), d().findElements(By.cssSelector("#chart svg rect:not(.bg)")).size(), "one bar per " + x);
        String svgText = d().findElement(By.cssSelector("#chart svg")).getText();
        for (String c : categories) if (c.length() < 20) assertTrue(svgText.contains(c), "bar label " + c);
        assertFalse(d().findElement(By.id("chart-caption")).getDomProperty("textContent").isBlank());
        Browsers.screenshot(d(), "question-bar-chart");
    }

    @Test
    void datedAnswerIsDrawnAsATimeline() throws Exception {
        d().get(server.base() + "/q/" + TIMELINE_QUESTION + "?lang=en");
        wait(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart svg circle")));
        String x = chartSetting(TIMELINE_QUESTION, "chart_x");
        String y = chartSetting(TIMELINE_QUESTION, "chart_y");
        Set<String> events = new LinkedHashSet<>();
        for (JsonValue b : apiBindings(TIMELINE_QUESTION, "lang=en")) {
            JsonObject row = b.getAsObject();
            if (row.hasKey(x) && row.getObj(x).getString("value").matches("\\d{4}(-\\d{2}){0,2}.*"))
                events.add(row.getObj(x).getString("value") + "|" + (row.hasKey(y) ? row.getObj(y).getString("value") : ""));
        }
        assertEquals(events.size(), d().findElements(By.cssSelector("#chart svg circle")).size(), "one dot per dated event");
        Browsers.screenshot(d(), "question-timeline");
    }

    @Test
    void everyQuestionWithAChartDrawsIt() throws Exception {
        Set<String> drawable = Set.of("bar", "stacked", "grouped", "timeline", "none");
        int charts = 0;
        for (JsonValue v : JSON.parseAny(body("/api/queries")).getAsArray()) {
            String id = v.getAsObject().getString("id");
            String chart = v.getAsObject().getString("chart");
            assertTrue(drawable.contains(chart), id + " asks for a chart the page cannot draw: " + chart);
            if (chart.equals("none") || apiRows(id, "lang=en") == 0) continue;
            d().get(server.base() + "/q/" + id + "?lang=en");
            wait(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart svg")));
            assertTrue(d().findElement(By.id("chart")).isDisplayed(), id + " shows its " + chart + " chart");
            assertTrue(d().findElements(By.cssSelector("#chart svg rect, #chart svg circle")).size() > 0, id);
            charts++;
        }
        assertTrue(charts >= 2, "some questions are drawn");
    }

    @Test
    void resourcePageSharesTheSiteLook() throws Exception {
        d().get(server.base() + "/id/bron/rapport?lang=en");
        assertEquals("rgba(21, 64, 110, 1)", d().findElement(By.cssSelector("header.site")).getCssValue("background-color"),
                "site.css is applied");
        assertFalse(d().findElement(By.tagName("h1")).getText().isBlank());
        Browsers.screenshot(d(), "resource");
    }

    @Test
    void pagesLoadNothingFromAnotherHostAndStaySmall() throws Exception {
        StringBuilder report = new StringBuilder("page\tresources\tdecoded kB\ttransferred kB\n");
        for (String path : List.of("/?lang=en", "/q/" + QUESTION + "?lang=en", "/q/" + BAR_QUESTION + "?lang=en",
                "/q/" + TIMELINE_QUESTION + "?lang=en", "/sparql?lang=en", "/id/bron/rapport?lang=en")) {
            d().get(server.base() + path);
            wait(d()).until(x -> "complete".equals(d().executeScript("return document.readyState")));
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) d().executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)");
            for (String u : urls) assertTrue(u.startsWith(server.base() + "/"), path + " loads " + u);
            List<String> errors = d().manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
            assertEquals(List.of(), errors, path + ": no script errors or refused loads");
            long decoded = ((Number) d().executeScript("return [performance.getEntriesByType('navigation')[0]]"
                    + ".concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.decodedBodySize, 0)")).longValue();
            long transferred = ((Number) d().executeScript("return [performance.getEntriesByType('navigation')[0]]"
                    + ".concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.encodedBodySize, 0)")).longValue();
            report.append(path).append('\t').append(urls.size()).append('\t').append(decoded / 1024).append('\t')
                    .append(transferred / 1024).append('\n');
            long limit = path.startsWith("/sparql") ? 700 * 1024 : 300 * 1024;
            assertTrue(decoded < limit, path + " weighs " + decoded / 1024 + " kB");
        }
        Path dir = Path.of(System.getProperty("kg.artifacts", "target/test-artifacts"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("page-sizes.tsv"), report);
    }

    @Test
    void questionPageFitsAPhoneScreen() throws Exception {
        d().manage().window().setSize(new Dimension(390, 844));
        d().get(server.base() + "/q/" + BAR_QUESTION + "?lang=nl");
        wait(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart svg rect")));
        long pageWidth = ((Number) d().executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) d().executeScript("return document.documentElement.clientWidth")).longValue();
        assertTrue(pageWidth <= viewport, "the page does not scroll sideways (" + pageWidth + " > " + viewport + "); the table does");
        Browsers.screenshot(d(), "question-phone");
    }

    @Test
    void tableSortsAndFilters() throws Exception {
        d().get(server.base() + "/q/" + QUESTION + "?lang=en");
        d().findElement(By.cssSelector("th[data-col='themeLabel'] button")).click();
        assertEquals("ascending", d().findElement(By.cssSelector("th[data-col='themeLabel']")).getDomAttribute("aria-sort"));
        List<String> themes = column(d(), "themeLabel");
        List<String> sorted = new ArrayList<>(themes);
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        collator.setStrength(Collator.PRIMARY);
        // empty ("geen") is the smallest value: first ascending (issue 19)
        sorted.sort((a, b) -> a.isEmpty() ? (b.isEmpty() ? 0 : -1) : b.isEmpty() ? 1 : collator.compare(a, b));
        assertEquals(sorted, themes);

        String english = allowedLabel(QUESTION, THEME_PARAM, THEME, "en");
        int total = tableRows(d()).size();
        d().findElement(By.id("table-filter")).sendKeys(english);
        List<WebElement> visible = d().findElements(By.cssSelector("#results tbody tr:not([hidden])"));
        assertTrue(visible.size() > 0 && visible.size() < total, visible.size() + " of " + total);
        for (WebElement r : visible) assertTrue(r.getText().toLowerCase().contains(english.toLowerCase()));
        assertTrue(d().findElement(By.id("row-count")).getText().startsWith(visible.size() + " of " + total));
    }

    @Test
    void unknownQuestionIsNotFoundAndABadParameterIsExplained() throws Exception {
        assertEquals(404, get("/q/no-such-question?lang=en").statusCode());
        HttpResponse<String> bad = get("/q/" + QUESTION + "?" + THEME_PARAM + "=" + enc("https://example.org/x") + "&lang=en");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("class=\"error\"") && bad.body().contains(THEME_PARAM), "the page says which parameter");
        assertEquals(404, get("/assets/nothing.js").statusCode());
        assertEquals(404, get("/assets/codemirror/package.json").statusCode(), "only CSS, JS and SVG are served");
        assertFalse(get("/assets/%2e%2e/kg/data/sources.ttl").body().contains("@prefix"), "no way out of the asset folders");
        HttpResponse<String> css = get("/assets/site.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    }

    // ---- issue 10: the reader on deadline

    /** Every question page, phone and laptop, Dutch and English: the page never scrolls sideways, nor does its table. */
    @Test
    void noQuestionPageScrollsSidewaysOnAPhoneOrALaptop() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {390, 1280}) {
            d().manage().window().setSize(new Dimension(width, 900));
            for (JsonValue v : JSON.parseAny(body("/api/queries")).getAsArray()) {
                String id = v.getAsObject().getString("id");
                for (String lang : List.of("nl", "en")) {
                    d().get(server.base() + "/q/" + id + "?lang=" + lang);
                    wait(d()).until(x -> "complete".equals(d().executeScript("return document.readyState")));
                    long page = ((Number) d().executeScript("return document.documentElement.scrollWidth")).longValue();
                    long view = ((Number) d().executeScript("return document.documentElement.clientWidth")).longValue();
                    Object table = d().executeScript("var t = document.querySelector('.table-wrap');"
                            + "return t ? t.scrollWidth - t.clientWidth : 0");
                    if (page > view || ((Number) table).longValue() > 0)
                        problems.add(width + " px " + id + " " + lang + ": page " + page + "/" + view + ", table +" + table);
                }
            }
        }
        assertEquals(List.of(), problems, "pages that scroll sideways");
    }

    /** At 390 px every recommendation's status is on screen without scrolling sideways, right under its name. */
    @Test
    void everyRecommendationStatusIsVisibleOnAPhone() throws Exception {
        d().manage().window().setSize(new Dimension(390, 844));
        d().get(server.base() + "/q/" + BAR_QUESTION + "?lang=nl");
        long view = ((Number) d().executeScript("return document.documentElement.clientWidth")).longValue();
        List<WebElement> statuses = d().findElements(By.cssSelector("#results tbody td.c-status"));
        assertEquals(apiRows(BAR_QUESTION, "lang=nl"), statuses.size(), "one status per row");
        for (WebElement s : statuses) {
            assertTrue(s.isDisplayed(), "status shown");
            Rectangle r = s.getRect();
            assertTrue(r.getX() >= 0 && r.getX() + r.getWidth() <= view, "status inside the screen: " + r.getX() + "+" + r.getWidth());
        }
        // The card reads: the recommendation, then its status, then the rest.
        WebElement first = d().findElement(By.cssSelector("#results tbody tr"));
        int item = first.findElement(By.cssSelector("td.c-item")).getRect().getY();
        int status = first.findElement(By.cssSelector("td.c-status")).getRect().getY();
        int by = first.findElement(By.cssSelector("td[data-label='Door']")).getRect().getY();
        assertTrue(item < status && status < by, "item " + item + ", status " + status + ", then the rest " + by);
        Browsers.screenshot(d(), "phone-recommendation-status");
    }

    /** Dutch pages: no true/false, no English column names, dates in words; the same answer in English says yes/no. */
    @Test
    void dutchPagesShowValuesAndHeadersInDutch() throws Exception {
        Set<String> english = new LinkedHashSet<>();
        for (JsonValue v : JSON.parseAny(body("/api/queries")).getAsArray()) {
            String id = v.getAsObject().getString("id");
            d().get(server.base() + "/q/" + id + "?lang=en");
            for (WebElement th : d().findElements(By.cssSelector("#results thead th"))) english.add(th.getDomProperty("textContent").strip());
        }
        List<String> problems = new ArrayList<>();
        for (JsonValue v : JSON.parseAny(body("/api/queries")).getAsArray()) {
            String id = v.getAsObject().getString("id");
            d().get(server.base() + "/q/" + id + "?lang=nl");
            for (WebElement th : d().findElements(By.cssSelector("#results thead th"))) {
                String h = th.getDomProperty("textContent").strip();
                if (english.contains(h) && !Set.of("Status", "Via", "Actor", "Aspect", "Dataset").contains(h))
                    problems.add(id + ": English heading " + h);
            }
            @SuppressWarnings("unchecked")
            List<String> cells = (List<String>) d().executeScript("return Array.from(document.querySelectorAll('#results td'))"
                    + ".map(td => td.textContent.trim())");
            for (String c : cells) {
                if (c.equals("true") || c.equals("false")) problems.add(id + ": cell " + c);
                if (c.matches("\\d{4}-\\d{2}-\\d{2}")) problems.add(id + ": ISO date " + c);
            }
            String caption = (String) d().executeScript("var c = document.getElementById('chart-caption'); return c ? c.textContent : ''");
            for (String w : List.of(" by ", " count", "Recommendation", "Themes")) if (caption.contains(w)) problems.add(id + ": chart " + caption);
        }
        assertEquals(List.of(), problems);
        d().get(server.base() + "/q/unaddressed-problems?lang=en");
        String text = d().findElement(By.id("results")).getText();
        assertTrue(text.contains("yes") || text.contains("none"), "booleans and empty counts in words");
        Browsers.screenshot(d(), "unaddressed-problems-en");
    }

    /** The chart downloads as an SVG file that parses as XML and carries the source line and the data version. */
    @Test
    void chartDownloadsAsSvgWithItsSourceLine() throws Exception {
        Path downloads = Files.createTempDirectory("kg-downloads-");
        d().executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        String version = get("/?lang=nl").headers().firstValue("X-Data-Version").orElseThrow();
        d().get(server.base() + "/q/" + BAR_QUESTION + "?lang=nl");
        wait(d()).until(x -> "true".equals(d().findElement(By.id("chart-svg")).getDomAttribute("data-ready")));
        // The file is named by the question, the selection and the date (issue 19): "aanbevelingen-per-status-<today>.svg".
        String name = d().findElement(By.id("chart-svg")).getDomAttribute("download");
        assertEquals("aanbevelingen-per-status-" + java.time.LocalDate.now() + ".svg", name);
        d().findElement(By.id("chart-svg")).click();
        Path file = downloads.resolve(name);
        // Done when the file is there with content and Chrome holds no partial download any more (seen once on CI: the
        // file read while still empty).
        wait(d()).until(x -> {
            try (var partial = Files.list(downloads)) {
                return Files.isRegularFile(file) && Files.size(file) > 0
                        && partial.noneMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName() == null ? doc.getDocumentElement().getNodeName()
                : doc.getDocumentElement().getLocalName());
        String text = doc.getDocumentElement().getTextContent().replaceAll("\\s+", " ");
        String report = reportTitle();
        assertTrue(text.contains("Bron: " + report + " (2025)"), "source line names the report: " + text);
        assertTrue(text.contains("via Arbeidsmigratie KG;") && text.contains("dataversie " + version), "and the data version: " + text);
        assertTrue(text.contains("Aanbevelingen per status"), "and the title: " + text);
        wait(d()).until(x -> "true".equals(d().findElement(By.id("chart-png")).getDomAttribute("data-ready")));
        d().findElement(By.id("chart-png")).click();
        Path png = downloads.resolve(name.replace(".svg", ".png"));
        wait(d()).until(x -> Files.isRegularFile(png));
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals("\u0089PNG", new String(head, 0, 4, StandardCharsets.ISO_8859_1), "a PNG file");
    }

    /** "Cite this" names the report (title and author from the graph), its locators, the data version and the permalink. */
    @Test
    void citationNamesTheReportAndTheDataVersion() throws Exception {
        HttpResponse<String> page = get("/q/" + BAR_QUESTION + "?lang=nl");
        String version = page.headers().firstValue("X-Data-Version").orElseThrow();
        d().get(server.base() + "/q/" + BAR_QUESTION + "?lang=nl");
        String citation = d().findElement(By.id("citation")).getText();
        assertTrue(citation.contains(reportTitle()), citation);
        assertTrue(citation.contains(sparqlValue("SELECT ?a { <https://w3id.org/arbeidsmigratie/id/bron/rapport> "
                + "<https://w3id.org/arbeidsmigratie/def#authorName> ?a }")), "the author: " + citation);
        assertTrue(citation.contains("dataversie " + version), citation);
        assertTrue(citation.contains("Hoofdstuk 6"), "where in the report: " + citation);
        // The permalink carries the date of the answer and the release (issue 17), so that it can be asked again.
        assertTrue(citation.contains(server.base() + "/q/" + BAR_QUESTION + "?asOf=") && citation.contains("version=")
                && citation.contains("lang=nl"), "the permalink, with this origin, date and version: " + citation);
        assertFalse(page.body().contains("127.0.0.1"), "the server never writes an address it was not given");

        String bib = get("/q/" + BAR_QUESTION + "/cite.bib?lang=nl").body();
        assertTrue(bib.contains("@misc{") && bib.contains("version = {" + version + "}") && bib.contains(reportTitle()), bib);
        JsonArray csl = JSON.parseAny(get("/q/" + BAR_QUESTION + "/cite.json?lang=nl").body()).getAsArray();
        assertEquals(version, csl.get(0).getAsObject().getString("version"));
        assertEquals(reportTitle(), csl.get(1).getAsObject().getString("title"));
        String blob = d().findElement(By.id("cite-bib")).getDomProperty("href");
        assertTrue(blob.startsWith("blob:"), "with JavaScript the file carries this page's full address: " + blob);
    }

    /** The home search finds organisations and laws by name and abbreviation, and links to their pages. */
    @Test
    void homeSearchFindsThingsByNameAndAbbreviation() throws Exception {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("Arbeidsinspectie", "/id/organisatie/nla");
        wanted.put("NLA", "/id/organisatie/nla");
        wanted.put("Wtta", "/id/wet/wtta");
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            d().get(server.base() + "/?lang=nl");
            d().findElement(By.id("search-q")).sendKeys(w.getKey());
            wait(d()).until(x -> !d().findElements(By.cssSelector("#search-live ol.hits a")).isEmpty());
            String first = d().findElement(By.cssSelector("#search-live ol.hits a")).getDomAttribute("href");
            assertTrue(first.startsWith(w.getValue() + "?"), w.getKey() + " → " + first);
            // Without JavaScript: the form's own results page.
            String html = get("/?lang=nl&q=" + enc(w.getKey())).body();
            assertTrue(html.contains("href=\"" + w.getValue() + "?lang=nl\""), w.getKey() + " on /?q=");
        }
        d().findElement(By.cssSelector("#search-live ol.hits a")).click();
        wait(d()).until(ExpectedConditions.urlContains("/id/wet/wtta"));
        String none = get("/?lang=nl&q=" + enc("qqqzzz")).body();
        assertTrue(none.contains("Niets gevonden"), "an empty search says what to try");
    }

    /** An unknown /id/ IRI, asked by a Dutch browser, is a Dutch HTML page with a way back; a machine still gets text. */
    @Test
    void unknownResourceGivesADutchHtmlPage() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/id/wet/bestaat-niet"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8")
                .header("Accept-Language", "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("<html lang=\"nl\">") && r.body().contains("Niet gevonden"), r.body());
        assertTrue(r.body().contains("href=\"/?lang=nl\""), "a way back");
        assertEquals(404, get("/q/bestaat-niet?lang=nl").statusCode());
        HttpResponse<String> turtle = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/id/wet/bestaat-niet"))
                .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, turtle.statusCode());
        assertFalse(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> bad = get("/q/" + QUESTION + "/csv?theme=" + enc("https://example.org/x") + "&lang=nl");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("<html lang=\"nl\">") && bad.body().contains("theme"), "a Dutch 400 page says which parameter");
    }

    /**
     * /q/law for the Wtta: the plans in force come first, the replaced ones after them, struck through and saying
     * by what; the admission duty's start is there; each row names only its own sources; no file name anywhere.
     */
    @Test
    void lawPageShowsWhereTheWttaStands() throws Exception {
        d().manage().window().setSize(new Dimension(390, 844));
        d().get(server.base() + "/q/law?lang=nl");
        List<String> aspects = column(d(), "aspectLabel");
        List<String> dates = column(d(), "date");
        int planned = aspects.indexOf("geplande inwerkingtreding");
        int duty = aspects.indexOf("toelatingsplicht geldt vanaf");
        int replaced = aspects.indexOf("eerder geplande inwerkingtreding (vervangen)");
        int replacedDuty = aspects.indexOf("eerder geplande toelatingsplicht (vervangen)");
        assertTrue(planned >= 0 && duty >= 0 && replaced >= 0 && replacedDuty >= 0, aspects.toString());
        assertEquals("1 januari 2027", dates.get(planned));
        assertEquals("1 januari 2028", dates.get(duty), "the start of the admission duty");
        assertTrue(planned < replaced && duty < replaced && duty < replacedDuty, "the plans in force come first: " + aspects);
        assertEquals("1 januari 2026", dates.get(replaced));
        assertEquals("1 januari 2027", column(d(), "replacedBy").get(replaced), "says what replaced it");
        List<WebElement> rows = tableRows(d());
        assertEquals("replaced", rows.get(replaced).getDomAttribute("class"));
        assertEquals(null, rows.get(planned).getDomAttribute("class"));
        String struck = rows.get(replaced).findElement(By.cssSelector("td.c-date")).getCssValue("text-decoration-line");
        assertEquals("line-through", struck, "the replaced date is visibly struck through");
        assertEquals("none", rows.get(replaced).findElement(By.cssSelector("td.c-replacement")).getCssValue("text-decoration-line"),
                "the date that replaced it is not");

        // each row its own sources: the House vote rests on the news item that reports it, not on the report
        List<WebElement> sources = d().findElements(By.cssSelector("#results tbody td.c-source"));
        int house = aspects.indexOf("aangenomen door de Tweede Kamer");
        List<String> houseSources = sources.get(house).findElements(By.cssSelector("a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of(sparqlValue("SELECT ?l { <https://w3id.org/arbeidsmigratie/id/bron/normecvro-wtta-2027> "
                + "<http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) = 'nl') }")), houseSources);
        int most = 0;
        for (WebElement cell : sources) most = Math.max(most, cell.findElements(By.cssSelector("a")).size());
        assertTrue(most <= 3, "no row cites every source of the law (at most " + most + ")");
        String table = d().findElement(By.id("results")).getText();
        assertFalse(table.contains(".md") || table.contains("FACTS-AFTER"), "no file names in the table");
        assertTrue(column(d(), "locator").contains("Hoofdstuk 7, §Nieuwe Wetgeving"), "places in the report");
    }

    /** A path nothing answers gets the same page as an unknown /id/: HTML in the page language with a way back. */
    @Test
    void unknownPathsGiveTheHtmlPageAndMachinesKeepTheirAnswers() throws Exception {
        for (String path : List.of("/foo", "/nope/x", "/kg/nope")) {
            for (String lang : List.of("nl", "en")) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .header("Accept-Language", lang.equals("nl") ? "nl-NL,nl;q=0.9" : "en-GB,en;q=0.9").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, r.statusCode(), path);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                assertTrue(r.body().contains("<html lang=\"" + lang + "\">")
                        && r.body().contains(lang.equals("nl") ? "Niet gevonden" : "Not found"), path + " " + lang + ": " + r.body());
                assertTrue(r.body().contains("href=\"/?lang=" + lang + "\""), "a way back from " + path);
            }
        }
        assertEquals(200, get("/$/ping").statusCode());
        HttpResponse<String> api = get("/api/nope");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "the API keeps JSON errors");
        assertTrue(get("/api/queries/nope").headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(404, get("/dumps/nope").statusCode());
        assertFalse(get("/dumps/nope").body().contains("<html"), "the dumps keep their short text");
        assertEquals(200, get("/dumps/SHA256SUMS").statusCode());
        assertEquals(200, get("/kg/sparql?query=" + enc("ASK {}")).statusCode());
        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/foo"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, json.statusCode());
        assertFalse(json.body().contains("<html"), "a client that asks for JSON gets no page");
    }

    /** The Dutch spreadsheet download opens in Dutch Excel: BOM, ';', Dutch headings; the API's CSV stays standard. */
    @Test
    void spreadsheetCsvIsMadeForDutchExcel() throws Exception {
        d().get(server.base() + "/q/figures?lang=nl");
        String href = d().findElement(By.id("download-csv")).getDomProperty("href");
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        byte[] b = r.body();
        assertTrue((b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF, "UTF-8 byte-order mark");
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        String header = text.substring(0, text.indexOf("\r\n"));
        assertTrue(header.startsWith("Cijfer (IRI);Cijfer;Waarde;"), header);
        assertTrue(text.contains(";ja;") || text.contains(";ja\r\n"), "booleans in Dutch");
        String api = get("/api/queries/figures?lang=nl&format=csv").body();
        assertTrue(api.startsWith("figure,figureLabel,value"), "the API's CSV keeps the variable names and commas");
    }

    /** Screenshots for the README: phone and laptop views of the pages a reader meets first. */
    @Test
    void screenshotsForTheReadme() throws Exception {
        Path docs = Path.of(System.getProperty("kg.docs", "target/test-artifacts/docs"));
        Files.createDirectories(docs);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/?lang=nl&q=Wtta");
        pages.put("recommendation-status", "/q/recommendation-status?lang=nl");
        pages.put("law", "/q/law?lang=nl");
        pages.put("resource", "/id/organisatie/nla?lang=nl");
        // progress per responsible body: the overview of all bodies, and one body's page (chart, table, CSV)
        pages.put("body-progress", "/q/body-progress?asOf=2025-06-27&lang=nl");
        pages.put("body-progress-kabinet", "/q/body-progress?body=" + enc("https://w3id.org/arbeidsmigratie/id/organisatie/kabinet") + "&lang=nl");
        for (int width : new int[] {390, 1280}) {
            d().manage().window().setSize(new Dimension(width, 900));
            for (Map.Entry<String, String> p : pages.entrySet()) {
                d().get(server.base() + p.getValue());
                wait(d()).until(x -> "complete".equals(d().executeScript("return document.readyState")));
                if (p.getKey().startsWith("body-progress")) wait(d()).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart svg rect")));
                Path shot = Browsers.screenshot(d(), (width < 700 ? "phone-" : "laptop-") + p.getKey());
                Files.copy(shot, docs.resolve(shot.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String reportTitle() throws Exception {
        return sparqlValue("SELECT ?t { <https://w3id.org/arbeidsmigratie/id/bron/rapport> <http://purl.org/dc/terms/title> ?t }")
                .replaceAll("\\.$", "");
    }

    private static String sparqlValue(String select) throws Exception {
        JsonObject r = JSON.parse(HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/kg/sparql?query=" + enc(select)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonObject row = r.getObj("results").get("bindings").getAsArray().get(0).getAsObject();
        String var = row.keys().iterator().next();
        return row.getObj(var).getString("value");
    }

    // ---- helpers

    private static ChromeDriver d() { return browser.driver; }

    private static WebDriverWait wait(ChromeDriver driver) { return new WebDriverWait(driver, Duration.ofSeconds(15)); }

    private static List<WebElement> tableRows(ChromeDriver driver) {
        return driver.findElements(By.cssSelector("#results tbody tr"));
    }

    private static List<String> rowTexts(ChromeDriver driver) {
        return tableRows(driver).stream().map(WebElement::getText).toList();
    }

    /** The text of every cell of one result column, found by its data-col heading. */
    private static List<String> column(ChromeDriver driver, String col) {
        List<WebElement> heads = driver.findElements(By.cssSelector("#results thead th"));
        int index = -1;
        for (int i = 0; i < heads.size(); i++) if (col.equals(heads.get(i).getDomAttribute("data-col"))) index = i;
        assertTrue(index >= 0, "column " + col + " is shown");
        List<String> cells = new ArrayList<>();
        for (WebElement r : tableRows(driver)) cells.add(r.findElements(By.tagName("td")).get(index).getText());
        return cells;
    }

    private static String header(ChromeDriver driver, String col) {
        return driver.findElement(By.cssSelector("#results th[data-col='" + col + "']")).getText().replaceAll("[\\s↕↑↓]+$", "");
    }

    private static String codeMirror() {
        return (String) d().executeScript("return document.querySelector('.CodeMirror').CodeMirror.getValue()");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String body(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static JsonArray apiBindings(String id, String query) throws IOException, InterruptedException {
        return JSON.parse(body("/api/queries/" + id + "?" + query)).getObj("results").get("bindings").getAsArray();
    }

    private static int apiRows(String id, String query) throws IOException, InterruptedException {
        return apiBindings(id, query).size();
    }

    private static JsonObject description(String id) throws IOException, InterruptedException {
        for (JsonValue v : JSON.parseAny(body("/api/queries")).getAsArray())
            if (id.equals(v.getAsObject().getString("id"))) return v.getAsObject();
        throw new AssertionError("no prepared question " + id);
    }

    private static String title(String id, String lang) throws IOException, InterruptedException {
        return description(id).getObj("title").getString(lang);
    }

    private static String allowedLabel(String id, String param, String value, String lang) throws IOException, InterruptedException {
        for (JsonValue p : description(id).get("parameters").getAsArray()) {
            if (!param.equals(p.getAsObject().getString("name"))) continue;
            for (JsonValue a : p.getAsObject().get("allowedValues").getAsArray())
                if (value.equals(a.getAsObject().getString("value"))) return a.getAsObject().getObj("label").getString(lang);
        }
        throw new AssertionError(value + " is not an allowed value of " + id + "/" + param);
    }

    /** chart_x / chart_y from the query's own header, via the jar's resources (the API has only the kind). */
    private static String chartSetting(String id, String key) throws IOException {
        try (var jar = new java.util.jar.JarFile(JarServer.jar().toFile())) {
            String text = new String(jar.getInputStream(jar.getEntry("kg/queries/" + id + ".rq")).readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("^#\\+ " + key + ":\\s*(\\S+)", Pattern.MULTILINE).matcher(text);
            assertTrue(m.find(), id + " has " + key);
            return m.group(1);
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(field.toString()); field.setLength(0); }
            else if (c == '\r') continue;
            else if (c == '\n') { row.add(field.toString()); field.setLength(0); rows.add(row); row = new ArrayList<>(); }
            else field.append(c);
        }
        if (field.length() > 0 || !row.isEmpty()) { row.add(field.toString()); rows.add(row); }
        return rows;
    }
}
