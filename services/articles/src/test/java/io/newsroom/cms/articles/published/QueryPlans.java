package io.newsroom.cms.articles.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What PostgreSQL plans for a statement, for the plan tests (the public reads must get the right plan without statistics). */
final class QueryPlans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SERVER = System.getProperty("cms.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");

    private QueryPlans() {
    }

    /** A new database {@code name} with the articles service's migrations applied, and a connection to it. */
    static Connection freshDatabase(String name) throws SQLException {
        dropDatabase(null, name);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("create database " + name);
        }
        Flyway.configure().dataSource(SERVER + name, "postgres", "").locations("classpath:db/migration/articles").load().migrate();
        return DriverManager.getConnection(SERVER + name, "postgres", "");
    }

    /** Closes {@code db} (when open) and drops the database {@code name}. */
    static void dropDatabase(Connection db, String name) throws SQLException {
        if (db != null) {
            db.close();
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** The statement's custom plan (with these values) and its generic plan (as a prepared statement may reuse). */
    static List<JsonNode> of(Connection db, String sql, String... values) throws Exception {
        List<JsonNode> plans = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            s.execute("deallocate all");
            s.execute("prepare q as " + sql);
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                s.execute("set plan_cache_mode = " + mode);
                try (ResultSet r = s.executeQuery("explain (format json) execute q(" + String.join(", ", values) + ")")) {
                    r.next();
                    plans.add(JSON.readTree(r.getString(1)).path(0).path("Plan"));
                }
            }
            s.execute("reset plan_cache_mode");
        }
        return plans;
    }

    /** Every scan in the plan tree, as "Index Scan on table using index" / "Seq Scan on table". */
    static List<String> scans(JsonNode plan) {
        List<String> found = new ArrayList<>();
        String type = plan.path("Node Type").asText();
        if (type.endsWith("Scan") && plan.has("Relation Name")) {
            found.add(type + " on " + plan.path("Relation Name").asText()
                    + (plan.has("Index Name") ? " using " + plan.path("Index Name").asText() : ""));
        }
        for (JsonNode child : plan.path("Plans")) {
            found.addAll(scans(child));
        }
        return found;
    }
}
