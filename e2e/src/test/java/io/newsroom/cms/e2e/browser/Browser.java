package io.newsroom.cms.e2e.browser;

import io.newsroom.cms.devstack.Env;
import io.newsroom.cms.e2e.SystemExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One signed-in person in a real headless Chromium (Debian's, driven through Debian's chromedriver, so nothing is
 * downloaded), with a profile of its own: the first sign-in of each person goes through the real Keycloak page. A
 * story's browser is kept for that person's next story (its Keycloak session still on, the app's storage emptied, a
 * blank page, the default window): starting Chromium and typing the password for each of some thirty stories took
 * minutes of the suite. A browser that cannot be reset is quit, and a signed-out one signs in again through the form.
 */
final class Browser implements AutoCloseable {
    private static final Map<String, Deque<Browser>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitAll, "quit-browsers"));
    }

    static final Path SCREENSHOTS = Env.repoRoot().resolve("e2e/target/screenshots");
    static final Path AXE_REPORTS = Env.repoRoot().resolve("e2e/target/axe");
    private static final Path AXE_SCRIPT = Env.repoRoot().resolve("frontend/node_modules/axe-core/axe.min.js");
    /** Off only to survey an app's violations without stopping at the first screen (-Dcms.axe.enforce=false). */
    private static final boolean AXE_ENFORCE = Boolean.parseBoolean(Env.get("CMS_AXE_ENFORCE", "true"));
    private static String axeSource;
    private static final String CHROMIUM = Env.get("CMS_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = Env.get("CMS_CHROMEDRIVER", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final String user;
    private final Path profile;

    private Browser(String user) {
        this.user = user;
        try {
            profile = Files.createTempDirectory("cms-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1366,900", "--force-device-scale-factor=1", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /**
     * Opens the app as {@code user} (password = user name, as in the demo realm): through Keycloak's login page, or at
     * once with a browser kept from the person's earlier story (still signed in at Keycloak).
     */
    static Browser signIn(String user) {
        Browser kept;
        synchronized (IDLE) {
            kept = IDLE.getOrDefault(user, new ArrayDeque<>()).pollFirst();
        }
        Browser browser = kept != null ? kept : new Browser(user);
        try {
            browser.driver.get(SystemExtension.stack().gatewayUrl() + "/");
            WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofSeconds(90));
            slow.until(d -> !d.findElements(By.cssSelector("[data-testid=user]")).isEmpty()
                    || !d.findElements(By.id("username")).isEmpty());
            if (!browser.driver.findElements(By.id("username")).isEmpty()) {
                slow.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
                browser.driver.findElement(By.id("password")).sendKeys(user);
                browser.driver.findElement(By.id("kc-login")).click();
            }
            slow.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=user]")));
            return browser;
        } catch (RuntimeException e) {
            browser.capture("failed-login-" + user);
            browser.quit();
            throw e;
        }
    }

    /**
     * A fresh browser that has never signed in (a profile of its own, no cookies, no storage): someone outside the
     * newsroom opening a link they were sent. Quit when closed, never kept.
     */
    static Browser anonymous() {
        return new Browser(null);
    }

    /** Opens an address of the gateway as it is, waiting for nothing but the page's own load. */
    Browser visit(String path) {
        driver.get(SystemExtension.stack().gatewayUrl() + path);
        return this;
    }

    /** Navigates inside the app (a deep link: the gateway serves index.html, the app's router takes over). */
    Browser open(String path) {
        driver.get(SystemExtension.stack().gatewayUrl() + path);
        waitFor(By.cssSelector("[data-testid=user]"));
        return this;
    }

    /**
     * Opens an article's editor as a person on deadline does when someone else's tab (another person's, or their own
     * crashed one) still holds the article's edit lock: the "someone is editing" dialog is answered with "Take over".
     * Stories about the lock itself (PresenceBrowserTest) open articles with {@link #open(String)} and answer it themselves.
     */
    Browser openTakingOver(String path) {
        open(path);
        waitFor(By.id("headline"));
        // the editor says where its lock stands once the service has answered its join (data-lock): editing, or asked
        // whether to take over from someone else; waited for, not guessed from a dialog that has not come yet
        String lock = until(d -> {
            String kind = d.findElement(By.cssSelector(".editor-grid")).getDomAttribute("data-lock");
            return kind == null || kind.equals("joining") ? null : kind;
        });
        if (lock.equals("asked")) {
            click(driver.findElement(By.xpath("//*[@data-testid='lock-dialog']//button[normalize-space()='Take over']")));
            until(d -> d.findElements(By.cssSelector("[data-testid=lock-dialog]")).isEmpty());
        }
        return this;
    }

    /**
     * Waits up to 30 s; a condition that meets an element React has just re-rendered is simply asked again. A wait that
     * runs out leaves the screen as it was (toasts and errors included) in e2e/target/screenshots/failures/.
     */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            js(RECORD_TOASTS);
        } catch (org.openqa.selenium.WebDriverException ignored) {
            // no page yet: nothing to record
        }
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            String toasts = "";
            try {
                shoot(SCREENSHOTS.resolve("failures"), java.time.LocalTime.now().toString().replace(':', '-') + "-" + user);
                toasts = String.valueOf(js("return (window.__cmsToasts || []).join(' | ')"));
            } catch (UncheckedIOException | org.openqa.selenium.WebDriverException ignored) {
                // the timeout is what the story reports
            }
            // a toast that said why (a 503, a 412) is gone from the screen by the time the wait runs out
            throw toasts.isEmpty() ? e : new TimeoutException(e.getMessage() + "\nToasts shown meanwhile: " + toasts, e);
        }
    }

    /** Keeps the text of every toast the page shows in window.__cmsToasts (once per page). */
    private static final String RECORD_TOASTS = "if (!window.__cmsToasts) { window.__cmsToasts = [];"
            + " new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => {"
            + " if (n.nodeType === 1 && n.closest && n.closest('.toasts') && n.textContent) window.__cmsToasts.push(n.textContent); })))"
            + ".observe(document.body, {childList: true, subtree: true}); }";

    WebElement waitFor(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement byTestId(String id) {
        return waitFor(By.cssSelector("[data-testid='" + id + "']"));
    }

    void clickButton(String text) {
        click(By.xpath("//button[normalize-space()=" + xpathLiteral(text) + "]"));
    }

    void clickLink(String text) {
        click(By.xpath("//a[normalize-space()=" + xpathLiteral(text) + "]"));
    }

    /** Clicks like a person: the element scrolled to the middle of the screen, clear of the toasts in the corner. */
    void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        try {
            element.click();
        } catch (ElementClickInterceptedException e) {
            dismissToasts();
            element.click();
        }
    }

    void click(By by) {
        click(until(ExpectedConditions.elementToBeClickable(by)));
    }

    void dismissToasts() {
        js("document.querySelectorAll('.toasts button').forEach(b => b.click())");
    }

    void type(By by, String text) {
        WebElement element = waitFor(by);
        click(element);
        typeInto(element, text);
    }

    /** Replaces a controlled input's value the way a person does (select all, type), so React sees every key. */
    void replace(By by, String text) {
        WebElement element = waitFor(by);
        click(element);
        element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        typeInto(element, text);
    }

    /**
     * Types {@code text} at most {@value #KEYS_AT_ONCE} keys per WebDriver command. Sent in one command, ChromeDriver
     * pressed a long text's keys faster than the editor's React fields took them, and every 53rd key was lost ("went
     * dar for two hours", "thei publishing systems": the same keys every time, 270 keys a second, no person's pace); a
     * plain textarea took them all, and so did the editor's fields with the text sent 40 keys at a time.
     */
    void typeInto(WebElement element, String text) {
        for (int from = 0; from < text.length(); from += KEYS_AT_ONCE) {
            element.sendKeys(text.substring(from, Math.min(text.length(), from + KEYS_AT_ONCE)));
        }
    }

    private static final int KEYS_AT_ONCE = 40;

    void waitForText(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitForToast(String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toasts"), text));
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Saves what the screen shows now as e2e/target/screenshots/{name}.png (images on the page loaded first), and checks
     * that state of the screen with axe-core: every violation goes to e2e/target/axe/{name}.json, and a critical or
     * serious one fails the story.
     */
    Path screenshot(String name) {
        Path shot = capture(name);
        checkAccessibility(name);
        return shot;
    }

    /** The picture only: for a failure's evidence, where an accessibility verdict would hide the real error. */
    private Path capture(String name) {
        dismissToasts();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(js(
                    "return Array.from(document.images).every(i => i.complete)")));
        } catch (RuntimeException ignored) {
            // a broken image still gets its screenshot
        }
        return shoot(SCREENSHOTS, name);
    }

    /** The screen as it is now, to {@code dir}/{@code name}.png. */
    private Path shoot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page, not just the viewport: the window grows to the page's height for the shot, then shrinks back. */
    Path fullPageScreenshot(String name) {
        Dimension original = driver.manage().window().getSize();
        long height = ((Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
        long chrome = ((Number) js("return window.outerHeight - window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(original.width, (int) Math.min(height + chrome, 4000)));
        try {
            js("window.scrollTo(0, 0)");
            Thread.sleep(300); // let the layout settle at the new height
            return screenshot(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            driver.manage().window().setSize(original);
        }
    }

    /** Runs axe-core on the page as it is now; fails on critical and serious violations (rule, impact, elements). */
    @SuppressWarnings("unchecked")
    void checkAccessibility(String name) {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axeSource());
        }
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done({
                    json: JSON.stringify({ url: location.href, violations: r.violations }, null, 2),
                    serious: r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
                      .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')),
                    count: r.violations.length }))
                  .catch(e => done({ error: String(e) }));
                """);
        if (result.get("error") != null) {
            throw new IllegalStateException("axe-core could not check " + name + ": " + result.get("error"));
        }
        try {
            Files.createDirectories(AXE_REPORTS);
            Files.writeString(AXE_REPORTS.resolve(name + ".json"), (String) result.get("json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> serious = (List<String>) result.get("serious");
        if (!serious.isEmpty() && AXE_ENFORCE) {
            throw new AssertionError("Accessibility violations on screen " + name + " (details in e2e/target/axe/" + name
                    + ".json):\n  " + String.join("\n  ", serious));
        }
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(AXE_SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing at " + AXE_SCRIPT + ": build the frontend first (npm ci)", e);
            }
        }
        return axeSource;
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /**
     * The story is over: the browser is kept for the person's next one, signed in at Keycloak, with the app's storage
     * emptied, on a blank page (a page's "leave this page?" guard set aside) and the default window; quit if any of
     * that fails.
     */
    @Override
    public void close() {
        if (user == null) {
            quit();
            return;
        }
        try {
            js("window.addEventListener('beforeunload', e => e.stopImmediatePropagation(), true);"
                    + " try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}");
            driver.manage().window().setSize(new Dimension(1366, 900));
            driver.get("about:blank");
        } catch (RuntimeException e) {
            quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(user, u -> new ArrayDeque<>()).addLast(this);
        }
    }

    private static void quitAll() {
        synchronized (IDLE) {
            IDLE.values().forEach(kept -> kept.forEach(Browser::quit));
            IDLE.clear();
        }
    }

    private void quit() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // already gone
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
