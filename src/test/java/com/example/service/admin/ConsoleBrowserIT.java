package com.example.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import com.example.service.testing.Browser;
import com.example.service.testing.CommandResult;
import com.example.service.testing.MigrationFolder;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/**
 * The console at /admin/ in real Chromium, against the packaged jar and PostgreSQL. One service for
 * the class, started with nothing migrated: a viewer looks at the pending schema, another process
 * migrates to V4 while an admin watches, then the admin upgrades the rest. V5's file name is markup.
 * V7 is a contract migration: pending throughout, shown with its phase, and never part of an upgrade.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Isolated // alone (pom.xml): a browser follows a migration of a few seconds step by step
class ConsoleBrowserIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SEE = Duration.ofSeconds(20);
    private static final String ADMIN_PASSWORD = "console-admin-Pa55";
    private static final String VIEWER_PASSWORD = "console-viewer-Pa55";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final String HOSTILE_SCRIPT = "V5__" + HOSTILE + ".sql";
    private static final String CONTRACT_SCRIPT = "V7__drop_hostile.sql";
    /** A release whose code knows migrations up to V6, as its connections name it: it blocks the contract phase. */
    private static final String OLD_RELEASE = "example-service/6@old-release";
    private static final int DESKTOP = 1200;
    private static final int PHONE = 360;
    /** Where the screenshots go: target/ unless CONSOLE_SCREENSHOTS names a folder (docs/ to refresh the README's). */
    private static final Path SCREENSHOTS = Path.of(System.getenv().getOrDefault("CONSOLE_SCREENSHOTS", "target/console-screenshots"));

    private static TestDatabase db;
    private static MigrationFolder migrations;
    private static MigrationFolder contract;
    private static Map<String, String> env;
    private static ServiceProcess service;

    @BeforeAll
    static void startService() {
        Browser.assumeInstalled();
        db = TestDatabase.create();
        migrations = MigrationFolder.create()
                .with("V4__slow.sql", "SELECT pg_sleep(6);\n")
                .with(HOSTILE_SCRIPT, "CREATE TABLE hostile (id int);\n")
                .with("V6__slow_index.sql", "CREATE INDEX item_created ON item (id);\nSELECT pg_sleep(4);\n");
        env = ServiceProcess.environment(db.name());
        contract = MigrationFolder.create().with(CONTRACT_SCRIPT, "DROP TABLE hostile;\n");
        env.put("MIGRATION_LOCATIONS", migrations.afterShipped());
        env.put("CONTRACT_LOCATIONS", contract.location());
        env.put("MIGRATE_AT_START", "false");
        env.put("SCHEMA_STATE_REFRESH", "500ms");
        env.put("ADMIN_USER", "ops");
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("VIEWER_USER", "dashboard");
        env.put("VIEWER_PASSWORD", VIEWER_PASSWORD);
        service = ServiceProcess.start(env);
        service.awaitStatus("/q/health/live", 200, START);
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        if (migrations != null) {
            migrations.close();
        }
        if (contract != null) {
            contract.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void aViewerSeesThePendingSchemaAsTextAndNoUpgradeButton() {
        try (Browser browser = console("dashboard", VIEWER_PASSWORD)) {
            assertThat(browser.text("who")).isEqualTo("Signed in as dashboard (viewer)");
            assertThat(browser.text("pending-count")).isEqualTo("6");
            List<String> pending = browser.await("the pending migrations", SEE, () -> {
                List<String> scripts = browser.all(By.cssSelector("#pending-list .script")).stream().map(WebElement::getText).toList();
                return scripts.size() == 7 ? scripts : null;
            });
            assertThat(pending).containsExactly("V1__create_item.sql", "V2__add_item_description_and_updated_at.sql",
                    "V3__index_item_name.sql", "V4__slow.sql", HOSTILE_SCRIPT, "V6__slow_index.sql", CONTRACT_SCRIPT);
            assertThat(phases(browser)).containsExactly("expand", "expand", "expand", "expand", "expand", "expand", "contract");
            assertThat(browser.all(By.cssSelector("#pending-list li")).get(6).getText())
                    .contains("Not applied by Upgrade: db upgrade --phase contract applies it after the rollout");
            assertThat(browser.text("pending-contract-count")).isEqualTo("1");
            assertThat(browser.text("contract-blocked-by"))
                    .isEqualTo("1 contract migration pending; no connected release blocks db upgrade --phase contract");
            assertThat(browser.all(By.tagName("button")).stream().filter(WebElement::isDisplayed)
                    .map(WebElement::getAccessibleName)).noneMatch(name -> name.contains("Upgrade"));

            WebElement showHostileSql = browser.all(By.cssSelector("#pending-list li")).get(4).findElement(By.tagName("button"));
            assertThat(showHostileSql.getAccessibleName()).isEqualTo("Show SQL of " + HOSTILE_SCRIPT);
            showHostileSql.sendKeys(Keys.ENTER);
            browser.await("V5's SQL", SEE, () -> browser.pageText().contains("CREATE TABLE hostile (id int);"));
            assertThat(showHostileSql.getAttribute("aria-expanded")).isEqualTo("true");

            assertHostileNameStaysText(browser);
            assertNoSidewaysScrollOnAPhone(browser);
        }
    }

    @Test
    @Order(2)
    void theContractPhaseNamesTheOlderReleaseThatBlocksItAndFollowsItsLeaving() throws SQLException {
        try (Browser browser = console("dashboard", VIEWER_PASSWORD)) {
            try (Connection old = db.connect(); Statement session = old.createStatement()) {
                session.execute("SET application_name = '" + OLD_RELEASE + "'");
                String blocked = browser.await("the blocking release", SEE, () -> {
                    String text = browser.text("contract-blocked-by");
                    return text.contains(OLD_RELEASE) ? text : null;
                });
                assertThat(blocked).isEqualTo("1 contract migration pending, blocked by " + OLD_RELEASE
                        + " (its code knows up to V6; 1 connection): db upgrade --phase contract waits until it disconnects");
            }
            browser.await("the blocking release gone", SEE, () -> !browser.text("contract-blocked-by").contains(OLD_RELEASE));
            assertThat(browser.text("state")).isEqualTo("PENDING");
        }
    }

    @Test
    @Order(3)
    void thePageFollowsAMigrationRunByAnotherProcessAndAnUpgradeMeanwhileIsRefusedNamingIt() {
        try (Browser browser = console("ops", ADMIN_PASSWORD)) {
            browser.script("document.documentElement.dataset.sameDocument = 'yes'");

            CompletableFuture<CommandResult> other = CompletableFuture.supplyAsync(
                    () -> ServiceProcess.run(env, "db", "upgrade", "--target", "4"));
            awaitState(browser, "MIGRATING");
            browser.await("the lock holder", SEE, () -> browser.text("lock-holder").contains("example-service/"));
            assertThat(browser.text("progress-text")).contains("is migrating:").contains("pending migrations applied so far");

            WebElement upgrade = browser.byId("upgrade");
            assertThat(upgrade.getAccessibleName()).contains("Upgrade");
            upgrade.click();
            browser.byId("confirm-upgrade").click();
            String refusal = awaitResult(browser, "Refused");
            assertThat(refusal).contains("the migration lock is held by example-service/").contains("Nothing was applied");

            CommandResult result = other.join();
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            awaitState(browser, "PENDING");
            browser.await("version 4", SEE, () -> browser.text("current-version").equals("4"));
            assertThat(browser.text("lock-holder")).isEqualTo("nobody");
            assertThat(browser.byId("progress-box").isDisplayed()).isFalse();
            assertThat(browser.script("return document.documentElement.dataset.sameDocument")).as("no reload").isEqualTo("yes");
        }
    }

    @Test
    @Order(4)
    void anAdminUpgradesFromTheKeyboardWatchesKOfNAndSeesWhatWasApplied() {
        try (Browser browser = console("ops", ADMIN_PASSWORD)) {
            WebElement upgrade = browser.await("the Upgrade button", SEE, () -> {
                WebElement button = browser.byId("upgrade");
                return button.isDisplayed() && button.isEnabled() ? button : null;
            });
            upgrade.sendKeys(Keys.ENTER);
            assertThat(browser.byId("confirm").isDisplayed()).isTrue();
            assertThat(browser.all(By.cssSelector("#confirm-list li")).stream().map(WebElement::getText))
                    .as("what the upgrade applies: expand migrations only").containsExactly(HOSTILE_SCRIPT, "V6__slow_index.sql");
            assertThat(browser.text("confirm-contract")).isEqualTo("It does not apply the pending contract migration "
                    + CONTRACT_SCRIPT + ": db upgrade --phase contract applies it after the rollout, once no older release is connected.");
            // Cancel has the focus; one Tab reaches the confirmation.
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Cancel");
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement confirm = browser.driver().switchTo().activeElement();
            assertThat(confirm.getAccessibleName()).isEqualTo("Upgrade now");
            confirm.sendKeys(Keys.ENTER);

            awaitState(browser, "MIGRATING");
            browser.await("2 of 2 running", SEE, () -> browser.text("progress-text").contains("applying 2 of 2: V6__slow_index"));
            assertThat(browser.byId("progress").getAttribute("value")).isEqualTo("1");
            assertThat(browser.byId("progress").getAttribute("max")).isEqualTo("2");
            // The holder comes from the refresh the lock's taking triggers, beside the progress events.
            browser.await("the lock holder", SEE, () -> browser.text("lock-holder").contains("example-service/"));
            browser.screenshot(SCREENSHOTS.resolve("console-migrating.png"), DESKTOP);

            awaitState(browser, "UP_TO_DATE");
            String applied = awaitResult(browser, "Applied");
            assertThat(applied).contains("Applied 2 migrations").contains("from version 4 to 6")
                    .contains(HOSTILE_SCRIPT).contains("V6__slow_index.sql");
            browser.await("the history", SEE, () -> browser.pageText().contains("1–6 of 6"));
            assertThat(browser.all(By.cssSelector("#history td[data-label=Phase]")).stream().map(WebElement::getText))
                    .hasSize(6).containsOnly("expand");
            browser.await("only the contract migration pending", SEE, () -> browser.all(By.cssSelector("#pending-list .script"))
                    .stream().map(WebElement::getText).toList().equals(List.of(CONTRACT_SCRIPT)));
            assertThat(phases(browser)).containsExactly("contract");
            assertThat(browser.text("state-meaning")).contains("1 contract migration waits for the contract phase");
            browser.await("Upgrade disabled: nothing left for it", SEE, () -> !browser.byId("upgrade").isEnabled());
            browser.await("the audit", SEE, () -> browser.all(By.cssSelector("#audit tbody tr")).size() >= 3);
            browser.screenshot(SCREENSHOTS.resolve("console-done.png"), DESKTOP);

            assertHostileNameStaysText(browser);
            assertNoSidewaysScrollOnAPhone(browser);
            browser.screenshot(SCREENSHOTS.resolve("console-phone.png"), PHONE);
        }
    }

    /** The phase shown for each pending migration, in order. */
    private static List<String> phases(Browser browser) {
        return browser.all(By.cssSelector("#pending-list .phase")).stream().map(WebElement::getText).toList();
    }

    /** A browser on the console, signed in as {@code user}, showing the pending schema. */
    private static Browser console(String user, String password) {
        Browser browser = Browser.start(DESKTOP, 900);
        try {
            browser.open(service, "/admin/", user, password);
            awaitState(browser, "PENDING");
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    /** The upgrade's outcome once it starts with {@code first} ("Applied", "Refused"). */
    private static String awaitResult(Browser browser, String first) {
        return browser.await("an upgrade result starting with " + first, SEE, () -> {
            String text = browser.text("upgrade-result");
            return text.startsWith(first) ? text : null;
        });
    }

    private static void awaitState(Browser browser, String state) {
        browser.await("state " + state, SEE, () -> state.equals(browser.text("state")));
    }

    /** The file name is shown as the literal text it is: no element made of it, no script run. */
    private static void assertHostileNameStaysText(Browser browser) {
        assertThat(browser.consoleErrors()).as("errors the page logged (a blocked inline script would be one)").isEmpty();
        assertThat(browser.all(By.tagName("img"))).isEmpty();
        assertThat(browser.pageText()).contains(HOSTILE_SCRIPT);
        try {
            browser.driver().switchTo().alert();
            throw new AssertionError("an alert was opened: the migration's name ran as script");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private static void assertNoSidewaysScrollOnAPhone(Browser browser) {
        browser.viewport(PHONE, 740);
        long scrollWidth = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) browser.script("return document.documentElement.clientWidth")).longValue();
        assertThat(clientWidth).isEqualTo(PHONE);
        assertThat(scrollWidth).as("page width at " + PHONE + " px").isLessThanOrEqualTo(clientWidth);
    }
}
