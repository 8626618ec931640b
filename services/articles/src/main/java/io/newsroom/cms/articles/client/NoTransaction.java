package io.newsroom.cms.articles.client;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The rule that no remote call is made while a transaction (and so possibly a row lock) is held, checked: every call
 * of this package's clients goes through {@link #require}, which refuses to run inside an active transaction. A slow
 * authors service must never keep an article's row locked.
 */
public final class NoTransaction {
    private NoTransaction() {
    }

    /** Throws when called inside an active transaction; {@code call} names the remote call. */
    public static void require(String call) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("Remote call '" + call + "' inside a transaction: make remote calls before"
                    + " or after the transaction, never while it may hold a row lock");
        }
    }
}
