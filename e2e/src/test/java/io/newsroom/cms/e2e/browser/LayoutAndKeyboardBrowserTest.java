package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.e2e.SystemExtension;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layout at laptop and tablet sizes, keyboard paths and form feedback, in a real browser: the dashboard fits at
 * 1366 × 768 and 768 × 1024 with long tags, the table is reachable row by row and the skip link comes first, the X
 * handle field takes a profile address, a blank name is told once at the field, the reader preview holds a long
 * unbroken headline, danger buttons stay readable on hover and focus, and the favicon is served.
 * Screenshots are prefixed {@code 40-}; each one is also checked with axe-core (see {@link Browser#screenshot}).
 */
@ExtendWith(SystemExtension.class)
class LayoutAndKeyboardBrowserTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String LONG_TAG = "investigative-reporting-on-municipal-infrastructure-budgets";
    private static final String SENT_BACK = "Council budget explainer needs sources " + SUFFIX;
    private static final String LONG_HEADLINE = "Record:" + "Supercalifragilisticexpialidocious".repeat(4) + SUFFIX;
    private static final String LONG_SLUG = "long-headline-" + SUFFIX;

    private static String authorId;
    private static String publishedId;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", SystemExtension.bearer(user)).contentType(ContentType.JSON);
    }

    private static void transition(String user, String id, String action, String comment) {
        Map<String, Object> body = comment == null ? Map.of("action", action) : Map.of("action", action, "comment", comment);
        as(user).header("If-Match", SystemExtension.etag("/api/articles/" + id)).body(body)
                .post("/api/articles/" + id + "/transitions").then().statusCode(200);
    }

    @BeforeAll
    static void seed() {
        String gateway = SystemExtension.stack().gatewayUrl();
        authorId = as("root").body(Map.of("slug", "lena-long-" + SUFFIX, "displayName", "Lena Long", "jobTitle", "City Hall Reporter",
                        "avatar", Map.of("url", gateway + "/samples/avatar-jane.svg", "alt", "Portrait of Lena Long")))
                .post("/api/authors").then().statusCode(201).extract().path("id");
        // Twelve of alice's drafts with long tags: more than ten rows on her dashboard.
        for (int i = 1; i <= 12; i++) {
            as("alice").body(Map.of("headline", "Budget story " + i + " " + SUFFIX, "body", "Text.",
                            "tags", List.of("city hall", LONG_TAG, "budget"), "byline", List.of(authorId)))
                    .post("/api/articles").then().statusCode(201);
        }
        // One sent back by an editor: it needs alice's attention.
        String sentBackId = as("alice").body(Map.of("headline", SENT_BACK, "body", "Text.", "tags", List.of("budget"), "byline", List.of(authorId)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        transition("alice", sentBackId, "submit", null);
        transition("erin", sentBackId, "request_changes", "Please name your sources.");
        // A published article whose headline is one long word.
        publishedId = as("erin").body(Map.of("slug", LONG_SLUG, "headline", LONG_HEADLINE, "body", "A paragraph.",
                        "tags", List.of(LONG_TAG), "byline", List.of(authorId)))
                .post("/api/articles").then().statusCode(201).extract().path("id");
        for (String action : List.of("submit", "approve", "publish")) {
            transition("erin", publishedId, action, null);
        }
        // carl gets a profile of his own for "My profile" (another story may have given him one already).
        int status = as("root").body(Map.of("slug", "carl-" + SUFFIX, "displayName", "Carl Curator", "username", "carl"))
                .post("/api/authors").statusCode();
        assertTrue(status == 201 || status == 409, "carl's profile: " + status);
    }

    /** How far the page and the table reach past their boxes, and where the Updated column ends. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tableLayout(Browser browser) {
        return (Map<String, Object>) browser.js("""
                const doc = document.documentElement;
                const wrap = document.querySelector('.table-wrap');
                const updated = document.querySelector('[data-testid=article-table] thead th:last-child').getBoundingClientRect();
                const cells = Array.from(document.querySelectorAll('[data-testid=article-table] tbody td:last-child'));
                const chips = Array.from(document.querySelectorAll('[data-testid=article-table] .cell-tags .chip'));
                return {
                  pageOverflow: doc.scrollWidth - doc.clientWidth,
                  tableOverflow: wrap.scrollWidth - wrap.clientWidth,
                  updatedRight: updated.right,
                  wrapRight: wrap.getBoundingClientRect().right,
                  viewport: window.innerWidth,
                  clippedDates: cells.filter(c => c.scrollWidth > c.clientWidth).length,
                  chipsOutside: chips.filter(c => c.getBoundingClientRect().right > c.closest('td').getBoundingClientRect().right + 0.5).length,
                  visibleChips: chips.filter(c => c.offsetParent !== null).length,
                  badgesOutside: Array.from(document.querySelectorAll('[data-testid=article-table] td .badge'))
                    .filter(b => b.getBoundingClientRect().right > b.closest('td').getBoundingClientRect().right + 0.5).length,
                };
                """);
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private static void assertFits(Map<String, Object> layout) {
        assertTrue(number(layout, "pageOverflow") <= 0, "the page scrolls sideways: " + layout);
        assertTrue(number(layout, "tableOverflow") <= 0, "the table scrolls sideways: " + layout);
        assertTrue(number(layout, "updatedRight") <= number(layout, "wrapRight") + 0.5, "the Updated column is cut: " + layout);
        assertTrue(number(layout, "updatedRight") <= number(layout, "viewport"), "the Updated column is off screen: " + layout);
        assertEquals(0.0, number(layout, "clippedDates"), "dates cut in the Updated column: " + layout);
        assertEquals(0.0, number(layout, "chipsOutside"), "tags reach out of their cell: " + layout);
        assertEquals(0.0, number(layout, "badgesOutside"), "status badges reach out of their cell: " + layout);
    }

    @Test
    void dashboardFitsALaptopAndATabletAndShowsWhatNeedsAttention() {
        try (Browser alice = Browser.signIn("alice")) {
            alice.driver.manage().window().setSize(new Dimension(1366, 768));
            alice.open("/");
            alice.waitForText(By.cssSelector("[data-testid=article-table]"), "Budget story 12 " + SUFFIX);

            WebElement attention = alice.byTestId("needs-attention");
            alice.until(d -> attention.getText().contains(SENT_BACK));
            assertTrue(attention.getText().contains("Changes requested"), attention.getText());
            WebElement sentBackRow = alice.driver.findElement(By.xpath("//table[@data-testid='article-table']//tr[.//a[normalize-space()="
                    + Browser.xpathLiteral(SENT_BACK) + "]]"));
            assertEquals("Changes requested", sentBackRow.findElement(By.cssSelector("[data-testid=status-cell] .badge")).getText());

            Map<String, Object> laptop = tableLayout(alice);
            assertFits(laptop);
            assertTrue(number(laptop, "visibleChips") > 0, "the tags column shows at 1366 px: " + laptop);
            alice.screenshot("40-dashboard-1366x768");

            alice.driver.manage().window().setSize(new Dimension(768, 1024));
            alice.until(d -> ((Number) alice.js("return window.innerWidth")).intValue() <= 768);
            assertFits(tableLayout(alice));
            alice.screenshot("40-dashboard-768x1024");
        }
    }

    @Test
    void theSkipLinkComesFirstAndTheTenthRowIsAFewTabsAway() {
        try (Browser alice = Browser.signIn("alice")) {
            alice.open("/");
            alice.waitForText(By.cssSelector("[data-testid=article-table]"), "Budget story 12 " + SUFFIX);
            alice.until(d -> d.findElements(By.cssSelector("[data-testid=article-table] tbody tr")).size() >= 10);
            alice.byTestId("needs-attention");

            Actions keys = new Actions(alice.driver);
            keys.sendKeys(Keys.TAB).perform();
            assertEquals("skip-link", alice.js("return document.activeElement.className"), "the first Tab stop");
            assertEquals("Skip to content", alice.js("return document.activeElement.textContent.trim()"));
            alice.screenshot("40-skip-link");
            keys.sendKeys(Keys.ENTER).perform();
            alice.until(d -> "main".equals(alice.js("return document.activeElement.id")));

            int toTenthRow = tabsUntil(alice, "document.querySelectorAll('[data-testid=article-table] tbody tr')[9].querySelector('a')", 40);
            System.out.println("Tab presses from the skip link's target to the 10th row: " + toTenthRow);
            // New article, the attention list (as long as the person's drafts need it: other stories add to it), the scope
            // tabs and the filters, then one stop per row: no tag chips or other controls in between.
            int beforeTable = ((Number) alice.js("const main = document.getElementById('main');"
                    + " const table = document.querySelector('[data-testid=article-table]');"
                    + " return Array.from(main.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])'))"
                    + ".filter(e => !e.disabled && e.offsetParent !== null && (e.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING)"
                    + " && !table.contains(e)).length")).intValue();
            System.out.println("Tab stops before the article table: " + beforeTable);
            assertTrue(toTenthRow <= beforeTable + 10, "Tab presses to the 10th row: " + toTenthRow + ", with " + beforeTable
                    + " controls before the table");
            alice.js("document.activeElement.scrollIntoView({block: 'center'})");
            alice.screenshot("40-tenth-row-focused");

            int rowToRow = tabsUntil(alice, "document.querySelectorAll('[data-testid=article-table] tbody tr')[10].querySelector('a')", 10);
            assertEquals(1, rowToRow, "one Tab from a row's link to the next row's");
            assertEquals(0L, alice.js("return document.querySelectorAll('[data-testid=article-table] .chip[tabindex=\"0\"], [data-testid=article-table] .chip:not([tabindex])').length"),
                    "no tag chip is a Tab stop");
        }
    }

    /** Presses Tab until the element the script returns has the focus; the number of presses. */
    private static int tabsUntil(Browser browser, String targetScript, int max) {
        Actions keys = new Actions(browser.driver);
        for (int presses = 1; presses <= max; presses++) {
            keys.sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(browser.js("return document.activeElement === (" + targetScript + ")"))) {
                return presses;
            }
        }
        throw new AssertionError("not reached in " + max + " Tab presses; focus is on " + browser.js("return document.activeElement.outerHTML.slice(0, 200)"));
    }

    @Test
    void theAuthorDialogFitsAndABlankNameIsToldOnceAtTheField() {
        try (Browser root = Browser.signIn("root")) {
            root.driver.manage().window().setSize(new Dimension(1366, 768));
            root.open("/authors");
            root.clickButton("New author");
            root.waitFor(By.cssSelector("[data-testid=author-dialog] #a-name"));
            @SuppressWarnings("unchecked")
            Map<String, Object> save = (Map<String, Object>) root.js("""
                    const b = Array.from(document.querySelectorAll('[data-testid=author-dialog] button')).find(x => x.textContent.trim() === 'Create author');
                    const c = Array.from(document.querySelectorAll('[data-testid=author-dialog] button')).find(x => x.textContent.trim() === 'Cancel');
                    const r = b.getBoundingClientRect();
                    const hit = (el) => { const q = el.getBoundingClientRect(); const at = document.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2); return at === el || el.contains(at); };
                    return { bottom: r.bottom, top: r.top, height: window.innerHeight, saveVisible: hit(b), cancelVisible: hit(c) };
                    """);
            assertEquals(true, save.get("saveVisible"), "Create author is in view at 1366 × 768: " + save);
            assertEquals(true, save.get("cancelVisible"), "Cancel is in view at 1366 × 768: " + save);
            root.screenshot("40-author-dialog-1366x768");

            root.type(By.id("a-job"), "Night Editor");
            root.clickButton("Create author");
            root.until(d -> "a-name".equals(root.js("return document.activeElement.id")));
            WebElement name = root.driver.findElement(By.id("a-name"));
            assertEquals("true", name.getAttribute("aria-invalid"));
            String dialogText = root.byTestId("author-dialog").getText();
            String error = root.driver.findElement(By.id("a-name-error")).getText();
            assertEquals("Type the name readers see in bylines.", error);
            assertEquals(1, occurrences(dialogText, error), dialogText);
            assertFalse(dialogText.contains("displayName"), dialogText);
            assertTrue(root.driver.findElements(By.cssSelector(".toast-error")).isEmpty(), "no error toast for a field problem");
            root.screenshot("40-author-blank-name");

            name.sendKeys("N");
            root.until(d -> d.findElements(By.id("a-name-error")).isEmpty());
            assertEquals(null, name.getAttribute("aria-invalid"));
        }
    }

    @Test
    void theAuthorDialogPreviewsTheAvatarOnceTypedAndExplainsServerProblemsInWords() {
        String gateway = SystemExtension.stack().gatewayUrl();
        try (Browser root = Browser.signIn("root")) {
            root.open("/authors");
            root.clickButton("New author");
            root.type(By.id("a-name"), "Pat Preview " + SUFFIX);
            // Typed key by key: the preview waits for the pause, so the browser asks for the picture once, not per key.
            root.type(By.id("a-avatar"), gateway + "/samples/no-such-picture-" + SUFFIX + ".svg");
            root.waitForText(By.cssSelector("[data-testid=avatar-preview]"), "could not be loaded");
            long requests = (Long) root.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('no-such-picture-')).length");
            assertTrue(requests <= 2, "requests for the typed picture: " + requests);
            root.type(By.id("a-avatar-alt"), "A portrait");
            root.screenshot("40-avatar-preview-failed");

            // A problem only the server finds (the address is not an email): told at its field, in words, once, no toast.
            root.type(By.id("a-email"), "pat-at-ledger");
            root.clickButton("Create author");
            root.until(d -> "a-email".equals(root.js("return document.activeElement.id")));
            String error = root.waitFor(By.id("a-email-error")).getText();
            String dialogText = root.byTestId("author-dialog").getText();
            assertEquals(1, occurrences(dialogText, error), dialogText);
            assertFalse(dialogText.contains("email:"), dialogText);
            assertTrue(root.driver.findElements(By.cssSelector(".toast-error")).isEmpty(), "no error toast for a field problem");
            root.screenshot("40-author-server-field-error");
            root.driver.findElement(By.id("a-email")).sendKeys(Keys.BACK_SPACE);
            root.until(d -> d.findElements(By.id("a-email-error")).isEmpty());
            root.driver.findElement(By.cssSelector("[data-testid=author-dialog]")).sendKeys(Keys.ESCAPE);
            root.until(d -> d.findElements(By.cssSelector("[data-testid=author-dialog]")).isEmpty());

            // Someone else saves Lena's profile while the dialog is open: the 412 is told in words, with their version a click away.
            root.click(By.cssSelector("button[aria-label='Edit Lena Long']"));
            root.waitFor(By.cssSelector("[data-testid=author-dialog] #a-name"));
            Map<String, Object> lena = as("root").get("/api/authors/" + authorId).then().statusCode(200).extract().jsonPath().getMap("");
            Map<String, Object> theirs = new java.util.HashMap<>();
            for (String field : List.of("slug", "displayName", "avatar")) {
                theirs.put(field, lena.get(field));
            }
            theirs.put("jobTitle", "Chief City Hall Reporter");
            as("root").header("If-Match", SystemExtension.etag("/api/authors/" + authorId)).body(theirs).put("/api/authors/" + authorId).then().statusCode(200);
            root.type(By.id("a-org"), "The Daily Ledger");
            root.clickButton("Save author");
            String problem = root.byTestId("author-form-problem").getText();
            assertTrue(problem.contains("Someone else changed this profile while you were editing"), problem);
            assertFalse(problem.matches("(?s).*\\d.*"), "no version number: " + problem);
            assertEquals(true, root.js("""
                    const b = Array.from(document.querySelectorAll('[data-testid=author-dialog] button')).find(x => x.textContent.trim() === 'Load their version');
                    const q = b.getBoundingClientRect(); const at = document.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2);
                    return at === b || b.contains(at);
                    """), "the way out is in view");
            root.screenshot("40-author-conflict");
            root.clickButton("Load their version");
            // The form is drawn anew with their version (so its inputs are new elements).
            root.until(d -> "Chief City Hall Reporter".equals(root.js("return document.getElementById('a-job')?.value")));
            assertTrue(root.driver.findElements(By.cssSelector("[data-testid=author-form-problem]")).isEmpty());
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void anXProfileAddressBecomesAHandleInMyProfile() {
        try (Browser carl = Browser.signIn("carl")) {
            carl.open("/profile");
            carl.replace(By.id("a-x"), "https://x.com/priyan");
            carl.waitForText(By.id("a-x-hint"), "Shown as @priyan");
            carl.screenshot("40-profile-x-handle-url");
            carl.click(By.id("a-job"));
            carl.until(d -> "@priyan".equals(d.findElement(By.id("a-x")).getAttribute("value")));
            carl.clickButton("Save my profile");
            carl.waitForToast("Your profile is saved");
            Map<String, Object> social = as("carl").get("/api/authors/me").then().statusCode(200).extract().path("social");
            assertEquals("@priyan", social.get("x"));

            carl.replace(By.id("a-x"), "https://mastodon.social/@priyan");
            carl.click(By.id("a-job"));
            String said = carl.waitFor(By.id("a-x-error")).getText();
            assertTrue(said.contains("x.com or twitter.com"), said);
            carl.clickButton("Save my profile");
            carl.until(d -> "a-x".equals(carl.js("return document.activeElement.id")));
            carl.screenshot("40-profile-x-handle-refused");
            assertEquals("@priyan", ((Map<?, ?>) as("carl").get("/api/authors/me").then().extract().path("social")).get("x"), "nothing was sent");
        }
    }

    @Test
    void theReaderPreviewHoldsALongUnbrokenHeadline() {
        try (Browser alice = Browser.signIn("alice")) {
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(768, 1024))) {
                alice.driver.manage().window().setSize(size);
                alice.open("/read/" + LONG_SLUG);
                alice.waitForText(By.cssSelector(".reader-headline"), SUFFIX);
                @SuppressWarnings("unchecked")
                Map<String, Object> overflow = (Map<String, Object>) alice.js("""
                        const h = document.querySelector('.reader-headline');
                        const reader = document.querySelector('[data-testid=reader]');
                        return { headline: h.scrollWidth - h.clientWidth, reader: reader.scrollWidth - reader.clientWidth,
                                 page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                                 headlineRight: h.getBoundingClientRect().right, readerRight: reader.getBoundingClientRect().right };
                        """);
                assertTrue(number(overflow, "headline") <= 0 && number(overflow, "reader") <= 0 && number(overflow, "page") <= 0, size + ": " + overflow);
                assertTrue(number(overflow, "headlineRight") <= number(overflow, "readerRight"), size + ": " + overflow);
                alice.screenshot("40-reader-long-headline-" + size.width);
            }
            alice.open("/read");
            alice.waitForText(By.cssSelector(".reader-index"), SUFFIX);
            List<WebElement> cards = alice.driver.findElements(By.cssSelector(".reader-index-link"));
            for (WebElement card : cards) {
                assertTrue(((Number) alice.js("return arguments[0].scrollWidth - arguments[0].clientWidth", card)).intValue() <= 0, card.getText());
            }
            alice.screenshot("40-reader-index-long-headline");
        }
    }

    @Test
    void dangerButtonsStayReadableOnHoverAndFocus() {
        try (Browser erin = Browser.signIn("erin")) {
            erin.open("/articles/" + publishedId);
            WebElement unpublish = erin.waitFor(By.cssSelector("button[data-action=unpublish]"));
            assertEquals(0L, erin.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth"),
                    "the editor page holds the long headline without scrolling sideways");
            new Actions(erin.driver).moveToElement(unpublish).pause(300).perform();
            assertReadable(erin, unpublish, "Unpublish (hovered)");
            erin.click(unpublish);
            WebElement confirm = erin.byTestId("confirm-transition");
            new Actions(erin.driver).moveToElement(confirm).pause(300).perform();
            assertReadable(erin, confirm, "Unpublish confirm (hovered)");
            erin.screenshot("40-danger-button-hover");

            new Actions(erin.driver).moveByOffset(-300, -200).perform(); // the pointer leaves; the keyboard takes over
            for (int i = 0; i < 10 && !Boolean.TRUE.equals(erin.js("return document.activeElement === arguments[0]", confirm)); i++) {
                new Actions(erin.driver).sendKeys(Keys.TAB).perform();
            }
            assertEquals(true, erin.js("return document.activeElement === arguments[0] && arguments[0].matches(':focus-visible')", confirm));
            assertReadable(erin, confirm, "Unpublish confirm (focused)");
            erin.screenshot("40-danger-button-focus");
            new Actions(erin.driver).sendKeys(Keys.ESCAPE).perform();
        }
    }

    /** The contrast of the button's text on its own background (transparent layers laid over what is behind). */
    private static void assertReadable(Browser browser, WebElement button, String what) {
        @SuppressWarnings("unchecked")
        Map<String, Object> colors = (Map<String, Object>) browser.js("""
                const parse = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
                const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 });
                const background = (el) => {
                  const layers = [];
                  for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c.a > 0) layers.push(c); if (c.a === 1) break; }
                  return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
                };
                const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const el = arguments[0];
                const style = getComputedStyle(el);
                const bg = background(el);
                const fg = over(parse(style.color), bg);
                const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
                return { ratio: (hi + 0.05) / (lo + 0.05), color: style.color, background: style.backgroundColor, opacity: style.opacity };
                """, button);
        System.out.println(what + ": " + colors);
        assertTrue(number(colors, "ratio") >= 4.5, what + " contrast below 4.5:1: " + colors);
        assertEquals("1", colors.get("opacity"), what + " is not faded: " + colors);
    }

    @Test
    void theFaviconIsServed() {
        String gateway = SystemExtension.stack().gatewayUrl();
        Response icon = given().get(gateway + "/favicon.svg");
        assertEquals(200, icon.statusCode());
        assertTrue(icon.contentType().startsWith("image/svg+xml"), icon.contentType());
        assertTrue(icon.asString().contains("<svg"), "an SVG picture");
        String index = given().accept("text/html").get(gateway + "/").then().statusCode(200).extract().asString();
        assertTrue(index.contains("rel=\"icon\"") && index.contains("/favicon.svg"), index);
    }
}
