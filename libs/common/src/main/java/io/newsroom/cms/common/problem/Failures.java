package io.newsroom.cms.common.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an unexpected exception means for the caller. Without this a lost race on a unique index, a value the
 * database cannot store, or a database that is briefly away would all answer 500. Works on the cause chain
 * ({@link SQLException} states, socket exceptions, driver class names), so no part needs a driver on its classpath.
 */
public final class Failures {
    /** PostgreSQL: {@code Key (slug)=(x) already exists.} */
    private static final Pattern UNIQUE_KEY = Pattern.compile("Key \\(([a-z_]+)\\)=");
    private static final Pattern UNAVAILABLE_CLASS = Pattern.compile(
            "com\\.mongodb\\.Mongo(Timeout|Socket\\w*|Connection\\w*|NodeIsRecovering|NotPrimary|ServerUnavailable)Exception"
                    + "|io\\.vertx\\.core\\.http\\.HttpClosedException|io\\.netty\\.channel\\.\\w*ConnectTimeoutException"
                    + "|org\\.eclipse\\.microprofile\\.faulttolerance\\.exceptions\\.(CircuitBreakerOpen|Timeout|Bulkhead)Exception"
                    + "|io\\.vertx\\.sqlclient\\.ClosedConnectionException|io\\.agroal\\.\\w*Exception");
    private static final Pattern UNAVAILABLE_MESSAGE = Pattern.compile(
            "(?i).*(connection (was |is )?(closed|refused|reset|not active)|acquisition timeout|pool (is )?closed"
                    + "|the connection attempt failed|terminating connection).*");

    private Failures() {
    }

    /** The problem an exception stands for, or null when it is a genuine internal error (500). */
    public static ProblemException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            String state = sqlState(t);
            if (state != null) {
                ProblemException known = bySqlState(state, t.getMessage());
                if (known != null) {
                    return known;
                }
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException || t instanceof SocketException || t instanceof ClosedChannelException
                    || UNAVAILABLE_CLASS.matcher(t.getClass().getName()).matches()
                    || t.getMessage() != null && UNAVAILABLE_MESSAGE.matcher(t.getMessage()).matches()) {
                return unavailable();
            }
        }
        return null;
    }

    public static ProblemException unavailable() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "A store this service needs is not answering right now; nothing was changed, try again shortly");
    }

    /**
     * The SQLSTATE of a JDBC failure, or of the reactive PostgreSQL client's {@code PgException} (read by name: no part
     * needs that client on its classpath), or null.
     */
    private static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        if (t.getClass().getName().equals("io.vertx.pgclient.PgException")) {
            try {
                return (String) t.getClass().getMethod("getSqlState").invoke(t);
            } catch (ReflectiveOperationException | ClassCastException e) {
                return null;
            }
        }
        return null;
    }

    private static ProblemException bySqlState(String state, String message) {
        if (state.equals("23505")) {
            Matcher key = UNIQUE_KEY.matcher(String.valueOf(message));
            String field = key.find() ? camel(key.group(1)) : "body";
            return new ProblemException(ProblemType.CONFLICT, "The " + field + " is already taken; choose another",
                    List.of(new Problem.FieldError(field, "already taken")), Map.of());
        }
        if (state.startsWith("22")) {
            return new ProblemException(ProblemType.VALIDATION, "A value in the request cannot be stored; check the text and the numbers");
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || state.equals("40001")
                || state.equals("40P01")) {
            return unavailable();
        }
        return null;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
