package io.newsroom.cms.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The PostgreSQL the CMS talks to: a configured/external one when reachable (the machine's at 127.0.0.1:5432 by
 * default), otherwise an embedded one started here. Creates one database per service when missing.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
    private static final Pattern DB_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private volatile EmbeddedPostgres embedded;
    private final Path embeddedDataDir;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this(host, port, user, password, embedded, null);
    }

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded, Path embeddedDataDir) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.embeddedDataDir = embeddedDataDir;
    }

    /**
     * An embedded PostgreSQL of its own, data in {@code dataDir} on {@code port}, that {@link #stop()} and
     * {@link #start()} can take away and bring back (the trust suite's database outage), the data kept.
     */
    public static PostgresServer own(Path dataDir, int port) {
        PostgresServer server = new PostgresServer("127.0.0.1", port, "postgres", "", null, dataDir);
        server.start();
        return server;
    }

    /** Starts this server's own PostgreSQL again on the same port and data (see {@link #own}). */
    public synchronized void start() {
        if (embeddedDataDir == null || embedded != null) {
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().setDataDirectory(embeddedDataDir).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL on port " + port, e);
        }
    }

    /** Stops this server's own PostgreSQL (fast shutdown: connections are cut, as in a real outage). */
    public synchronized void stop() {
        if (embeddedDataDir == null || embedded == null) {
            throw new IllegalStateException("Only a PostgreSQL started with own() can be stopped");
        }
        try {
            embedded.close();
        } catch (IOException e) {
            LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        embedded = null;
    }

    public int port() {
        return port;
    }

    /**
     * Uses CMS_POSTGRES_HOST/PORT/USER/PASSWORD when reachable (defaults 127.0.0.1:5432, postgres), else starts an
     * embedded PostgreSQL whose data lives in {@code embeddedDataDir} (null: a throw-away directory).
     */
    public static PostgresServer startOrConnect(Path embeddedDataDir) {
        String host = Env.get("CMS_POSTGRES_HOST", "127.0.0.1");
        int port = Integer.parseInt(Env.get("CMS_POSTGRES_PORT", "5432"));
        String user = Env.get("CMS_POSTGRES_USER", "postgres");
        String password = Env.get("CMS_POSTGRES_PASSWORD", "");
        if (Net.listening(host, port)) {
            LOG.info("Using PostgreSQL at " + host + ":" + port);
            return new PostgresServer(host, port, user, password, null);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (embeddedDataDir != null) {
                builder.setDataDirectory(embeddedDataDir).setCleanDataDirectory(false).setPort(Net.freePort());
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info("No PostgreSQL at " + host + ":" + port + "; started an embedded one on port " + pg.getPort());
            return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * What a service needs to reach {@code database}: the JDBC URL (Hibernate, Flyway: writes), the reactive client's URL
     * (the published reads on the event loop) and the credentials, as Quarkus configuration keys.
     */
    public java.util.Map<String, String> datasource(String database) {
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>(jdbcDatasource(database));
        keys.put("quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database);
        return keys;
    }

    /** {@link #datasource} for a service without the reactive client: the JDBC URL and the credentials. */
    public java.util.Map<String, String> jdbcDatasource(String database) {
        return java.util.Map.of("quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public void ensureDatabase(String name) {
        requireName(name);
        try (Connection c = admin();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently by someone else: fine
                throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    public void dropDatabase(String name) {
        requireName(name);
        try (Connection c = admin(); Statement drop = c.createStatement()) {
            drop.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            LOG.warning("Could not drop database " + name + ": " + e.getMessage());
        }
    }

    /** The driver directly, not DriverManager: a Quarkus test class loader may hide it from DriverManager. */
    private Connection admin() throws SQLException {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return new org.postgresql.Driver().connect(jdbcUrl("postgres"), credentials);
    }

    private static void requireName(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
    }

    @Override
    public synchronized void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            embedded = null;
        }
    }
}
