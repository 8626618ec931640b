package io.newsroom.cms.webhooks.repository;

import io.agroal.api.AgroalDataSource;
import io.newsroom.cms.webhooks.domain.AttemptResult;
import io.newsroom.cms.webhooks.domain.Delivery;
import io.newsroom.cms.webhooks.domain.DeliveryStatus;
import io.newsroom.cms.webhooks.domain.DisabledEndpoint;
import io.newsroom.cms.webhooks.domain.DueDelivery;
import io.newsroom.cms.webhooks.domain.EndpointHealth;
import io.newsroom.cms.webhooks.domain.OutgoingMessage;
import io.newsroom.cms.webhooks.domain.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries table, in plain SQL: the hot paths (one insert per event for every subscribed endpoint, the worker's
 * claim and its batch of results) are one round trip each. Every method runs in the caller's transaction or its own
 * ({@code @Transactional}: the connection is enlisted, never committed here).
 */
@ApplicationScoped
@Transactional
public class Deliveries {
    private static final String OPEN = "('pending', 'retrying')";

    /**
     * Every transaction that changes several of these rows locks them in one order: deliveries by id, then health rows
     * by endpoint id, then the endpoint (the worker's results, an endpoint's deletion, another replica's results), so
     * none waits for another in a circle. Taking a delivery (the claim) and the cleanup skip locked rows instead.
     */
    private static final String LOCK_ORDER = "with d as (select id from webhook_delivery where id = any(?) order by id for update),"
            + " h as (select endpoint_id from webhook_endpoint_health where endpoint_id = any(?) order by endpoint_id for update)"
            + " select (select count(*) from d), (select count(*) from h)";

    @Inject
    AgroalDataSource dataSource;

    /**
     * For each message, one delivery to every enabled endpoint subscribed to its type: all of them in one statement
     * (one transaction), in the order given. A message that comes again (a Kafka redelivery) adds nothing: deliveries
     * are unique per endpoint and message id.
     *
     * @return how many deliveries were added
     */
    public int enqueue(List<OutgoingMessage> messages, Instant at) {
        if (messages.isEmpty()) {
            return 0;
        }
        String sql = "insert into webhook_delivery (endpoint_id, message_id, event_type, payload, surrogate_keys, status,"
                + " next_attempt_at, created_at)"
                + " select e.id, m.message_id, m.type, case when e.kind = 'cdn-purge' then m.purge else m.standard end,"
                + " case when e.kind = 'cdn-purge' then m.keys end, 'pending', ?, ?"
                + " from unnest(?, ?, ?, ?, ?) with ordinality as m(message_id, type, standard, purge, keys, n)"
                + " join webhook_endpoint e on e.enabled and m.type = any(e.events)"
                + " order by m.n, e.id"
                + " on conflict (endpoint_id, message_id) do nothing";
        int n = messages.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] standard = new String[n];
        String[] purge = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            OutgoingMessage message = messages.get(i);
            ids[i] = message.messageId();
            types[i] = message.type();
            standard[i] = message.standardBody();
            purge[i] = message.purgeBody();
            keys[i] = message.surrogateKeyHeader();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            Timestamp now = Timestamp.from(at);
            insert.setTimestamp(1, now);
            insert.setTimestamp(2, now);
            insert.setArray(3, c.createArrayOf("text", ids));
            insert.setArray(4, c.createArrayOf("text", types));
            insert.setArray(5, c.createArrayOf("text", standard));
            insert.setArray(6, c.createArrayOf("text", purge));
            insert.setArray(7, c.createArrayOf("text", keys));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /** One delivery of {@code message} to one endpoint (a ping), whatever it subscribed to; its id. */
    public long enqueueTo(UUID endpointId, OutgoingMessage message, Instant at) {
        String sql = "insert into webhook_delivery (endpoint_id, message_id, event_type, payload, status, next_attempt_at,"
                + " created_at) values (?, ?, ?, ?, 'pending', ?, ?) returning id";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, endpointId);
            insert.setString(2, message.messageId());
            insert.setString(3, message.type());
            insert.setString(4, message.standardBody());
            insert.setTimestamp(5, Timestamp.from(at));
            insert.setTimestamp(6, Timestamp.from(at));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /**
     * Takes due deliveries of enabled endpoints to send now: at most {@code perEndpoint} minus what is already in flight
     * ({@code busy}) per endpoint, {@code limit} in all, oldest due first. They are leased (due again only after
     * {@code lease}: a replica that dies mid-send leaves them to be tried again), with row locks held only for this
     * statement ({@code skip locked}: replicas never take the same row).
     */
    public List<DueDelivery> claim(Map<UUID, Integer> busy, int perEndpoint, int limit, Duration lease) {
        String sql = "with picked as ("
                + " select d.id from webhook_endpoint e"
                + " left join unnest(?, ?) as b(endpoint_id, busy) on b.endpoint_id = e.id"
                + " cross join lateral (select x.id from webhook_delivery x"
                + "   where x.endpoint_id = e.id and x.status in " + OPEN + " and x.next_attempt_at <= now()"
                + "   order by x.next_attempt_at, x.id limit greatest(0, ? - coalesce(b.busy, 0))"
                + "   for update of x skip locked) d"
                + " where e.enabled limit ?)"
                + " update webhook_delivery d set next_attempt_at = now() + ? * interval '1 millisecond'"
                + " from picked, webhook_endpoint e where d.id = picked.id and e.id = d.endpoint_id"
                + " returning d.id, d.endpoint_id, e.url, e.secret, d.message_id, d.event_type, d.payload, d.surrogate_keys,"
                + " d.attempts";
        try (Connection c = dataSource.getConnection(); PreparedStatement claim = c.prepareStatement(sql)) {
            UUID[] ids = busy.keySet().toArray(UUID[]::new);
            Integer[] counts = new Integer[ids.length];
            for (int i = 0; i < ids.length; i++) {
                counts[i] = busy.get(ids[i]);
            }
            claim.setArray(1, c.createArrayOf("uuid", ids));
            claim.setArray(2, c.createArrayOf("int4", counts));
            claim.setInt(3, perEndpoint);
            claim.setInt(4, limit);
            claim.setLong(5, lease.toMillis());
            List<DueDelivery> due = new ArrayList<>();
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    due.add(new DueDelivery(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /** When the next delivery of an enabled endpoint not in {@code full} falls due (now or later), if any. */
    public Optional<Instant> nextDue(Collection<UUID> full) {
        String sql = "select min(d.next_attempt_at) from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id"
                + " where d.status in " + OPEN + " and e.enabled and not (d.endpoint_id = any(?))";
        try (Connection c = dataSource.getConnection(); PreparedStatement next = c.prepareStatement(sql)) {
            next.setArray(1, c.createArrayOf("uuid", full.toArray(UUID[]::new)));
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                Timestamp at = rs.getTimestamp(1);
                return Optional.ofNullable(at).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /**
     * Records a batch of attempts in one transaction: each delivery's status (delivered, retrying at its next time, or
     * failed once the schedule is used up), each endpoint's last attempt and failure streak; then disables every
     * endpoint of the batch whose streak has lasted {@code disableAfter} with no success.
     *
     * @return the endpoints disabled now
     */
    public List<DisabledEndpoint> record(List<AttemptResult> results, RetrySchedule schedule, Duration disableAfter, Instant now) {
        if (results.isEmpty()) {
            return List.of();
        }
        List<AttemptResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparing(AttemptResult::at));
        int n = ordered.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        Integer[] codes = new Integer[n];
        Long[] durations = new Long[n];
        String[] errors = new String[n];
        String[] nextAt = new String[n];
        String[] at = new String[n];
        Map<UUID, EndpointBatch> byEndpoint = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            AttemptResult result = ordered.get(i);
            EndpointBatch batch = byEndpoint.computeIfAbsent(result.delivery().endpointId(), id -> new EndpointBatch());
            batch.add(result);
            ids[i] = result.delivery().id();
            codes[i] = result.statusCode();
            durations[i] = result.durationMs();
            at[i] = result.at().toString();
            if (result.success()) {
                statuses[i] = DeliveryStatus.DELIVERED.value();
            } else {
                Optional<Instant> next = schedule.next(result.delivery().attempts() + 1, result.at());
                if (next.isEmpty()) {
                    batch.failedForGood++;
                }
                statuses[i] = (next.isPresent() ? DeliveryStatus.RETRYING : DeliveryStatus.FAILED).value();
                errors[i] = result.error();
                nextAt[i] = next.map(Instant::toString).orElse(null);
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement(LOCK_ORDER);
             PreparedStatement update = c.prepareStatement("update webhook_delivery d set status = r.status,"
                     + " attempts = d.attempts + 1, last_status_code = r.code, last_duration_ms = r.duration, last_error = r.error,"
                     + " next_attempt_at = cast(r.next_at as timestamptz),"
                     + " delivered_at = case when r.status = 'delivered' then cast(r.at as timestamptz) else d.delivered_at end"
                     + " from unnest(?, ?, ?, ?, ?, ?, ?) as r(id, status, code, duration, error, next_at, at) where d.id = r.id")) {
            lock.setArray(1, c.createArrayOf("int8", ids));
            lock.setArray(2, c.createArrayOf("uuid", byEndpoint.keySet().toArray(UUID[]::new)));
            lock.executeQuery().close();
            update.setArray(1, c.createArrayOf("int8", ids));
            update.setArray(2, c.createArrayOf("text", statuses));
            update.setArray(3, c.createArrayOf("int4", codes));
            update.setArray(4, c.createArrayOf("int8", durations));
            update.setArray(5, c.createArrayOf("text", errors));
            update.setArray(6, c.createArrayOf("text", nextAt));
            update.setArray(7, c.createArrayOf("text", at));
            update.executeUpdate();
            updateHealth(c, byEndpoint);
            return disableFailing(c, byEndpoint, disableAfter, now);
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /** What one batch says about one endpoint. */
    private static final class EndpointBatch {
        Instant lastSuccessAt;
        Instant firstFailureAfterSuccess;
        int failuresAfterSuccess;
        long successes;
        long failedForGood;
        AttemptResult last;

        void add(AttemptResult result) { // in time order
            last = result;
            if (result.success()) {
                successes++;
                lastSuccessAt = result.at();
                firstFailureAfterSuccess = null;
                failuresAfterSuccess = 0;
            } else {
                if (firstFailureAfterSuccess == null) {
                    firstFailureAfterSuccess = result.at();
                }
                failuresAfterSuccess++;
            }
        }

        boolean anyFailureLast() {
            return failuresAfterSuccess > 0;
        }
    }

    /** Each endpoint's last attempt, failure streak and counters, in one statement for the batch. */
    private static void updateHealth(Connection c, Map<UUID, EndpointBatch> byEndpoint) throws SQLException {
        int n = byEndpoint.size();
        UUID[] ids = new UUID[n];
        String[] lastAt = new String[n];
        Integer[] codes = new Integer[n];
        String[] errors = new String[n];
        String[] successAt = new String[n];
        String[] firstFailure = new String[n];
        Integer[] failures = new Integer[n];
        Long[] successes = new Long[n];
        Long[] failedForGood = new Long[n];
        int i = 0;
        for (Map.Entry<UUID, EndpointBatch> entry : byEndpoint.entrySet()) {
            EndpointBatch b = entry.getValue();
            ids[i] = entry.getKey();
            lastAt[i] = b.last.at().toString();
            codes[i] = b.last.statusCode();
            errors[i] = b.last.error();
            successAt[i] = b.lastSuccessAt == null ? null : b.lastSuccessAt.toString();
            firstFailure[i] = b.firstFailureAfterSuccess == null ? null : b.firstFailureAfterSuccess.toString();
            failures[i] = b.failuresAfterSuccess;
            successes[i] = b.successes;
            failedForGood[i] = b.failedForGood;
            i++;
        }
        try (PreparedStatement health = c.prepareStatement("update webhook_endpoint_health h set"
                + " last_attempt_at = cast(r.last_at as timestamptz), last_status_code = r.code, last_error = r.error,"
                + " last_success_at = coalesce(cast(r.success_at as timestamptz), h.last_success_at),"
                + " failing_since = case when r.success_at is not null then cast(r.first_failure as timestamptz)"
                + "   else coalesce(h.failing_since, cast(r.first_failure as timestamptz)) end,"
                + " failed_attempts = case when r.success_at is not null then r.failures else h.failed_attempts + r.failures end,"
                + " delivered = h.delivered + r.successes, failed = h.failed + r.failed_for_good"
                + " from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + "   as r(endpoint_id, last_at, code, error, success_at, first_failure, failures, successes, failed_for_good)"
                + " where h.endpoint_id = r.endpoint_id")) {
            health.setArray(1, c.createArrayOf("uuid", ids));
            health.setArray(2, c.createArrayOf("text", lastAt));
            health.setArray(3, c.createArrayOf("int4", codes));
            health.setArray(4, c.createArrayOf("text", errors));
            health.setArray(5, c.createArrayOf("text", successAt));
            health.setArray(6, c.createArrayOf("text", firstFailure));
            health.setArray(7, c.createArrayOf("int4", failures));
            health.setArray(8, c.createArrayOf("int8", successes));
            health.setArray(9, c.createArrayOf("int8", failedForGood));
            health.executeUpdate();
        }
    }

    private static List<DisabledEndpoint> disableFailing(Connection c, Map<UUID, EndpointBatch> byEndpoint, Duration disableAfter,
                                                         Instant now) throws SQLException {
        UUID[] failing = byEndpoint.entrySet().stream().filter(e -> e.getValue().anyFailureLast()).map(Map.Entry::getKey)
                .toArray(UUID[]::new);
        if (failing.length == 0) {
            return List.of();
        }
        List<DisabledEndpoint> disabled = new ArrayList<>();
        try (PreparedStatement candidates = c.prepareStatement("select e.id, e.url, h.last_success_at, h.failing_since,"
                + " h.failed_attempts, h.last_error from webhook_endpoint e join webhook_endpoint_health h on h.endpoint_id = e.id"
                + " where e.id = any(?) and e.enabled and h.failing_since <= ?");
             PreparedStatement disable = c.prepareStatement("update webhook_endpoint set enabled = false, disabled_at = ?,"
                     + " disabled_reason = ?, updated_at = ?, version = version + 1 where id = ? and enabled")) {
            candidates.setArray(1, c.createArrayOf("uuid", failing));
            candidates.setTimestamp(2, Timestamp.from(now.minus(disableAfter)));
            Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MICROS));
            try (ResultSet rs = candidates.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Timestamp lastSuccess = rs.getTimestamp(3);
                    Timestamp since = lastSuccess != null ? lastSuccess : rs.getTimestamp(4);
                    String reason = "No successful delivery since " + since.toInstant().truncatedTo(ChronoUnit.SECONDS)
                            + (lastSuccess == null ? " (none ever succeeded)" : "") + " (" + rs.getInt(5)
                            + " failed attempts): last error " + rs.getString(6);
                    reason = reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
                    disable.setTimestamp(1, at);
                    disable.setString(2, reason);
                    disable.setTimestamp(3, at);
                    disable.setObject(4, id);
                    if (disable.executeUpdate() == 1) {
                        disabled.add(new DisabledEndpoint(id, rs.getString(2), reason));
                    }
                }
            }
        }
        return disabled;
    }

    /** Deliveries due now, over all enabled endpoints (the readiness check's figure). */
    public long due() {
        String sql = "select count(*) from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id"
                + " where d.status in " + OPEN + " and d.next_attempt_at <= now() and e.enabled";
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement(sql);
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /** The health of each endpoint named (those without a row get {@link EndpointHealth#NONE}). */
    public Map<UUID, EndpointHealth> health(Collection<UUID> endpoints) {
        Map<UUID, EndpointHealth> health = new HashMap<>();
        if (endpoints.isEmpty()) {
            return health;
        }
        String sql = "select h.endpoint_id, h.delivered, h.failed,"
                + " (select count(*) from webhook_delivery d where d.endpoint_id = h.endpoint_id and d.status in " + OPEN + "),"
                + " h.last_attempt_at, h.last_status_code from webhook_endpoint_health h where h.endpoint_id = any(?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setArray(1, c.createArrayOf("uuid", endpoints.toArray(UUID[]::new)));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(5);
                    int code = rs.getInt(6);
                    health.put(rs.getObject(1, UUID.class), new EndpointHealth(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            last == null ? null : last.toInstant(), rs.wasNull() ? null : code));
                }
            }
            return health;
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /** A new endpoint's health row (in the transaction that creates the endpoint). */
    public void createHealth(UUID endpointId) {
        update("insert into webhook_endpoint_health (endpoint_id) values (?)", endpointId);
    }

    /** Forgets an endpoint's failure streak (it was re-enabled). */
    public void resetStreak(UUID endpointId) {
        update("update webhook_endpoint_health set failing_since = null, failed_attempts = 0 where endpoint_id = ?", endpointId);
    }

    /** An endpoint's deliveries with an id below {@code before} (all when null), newest first, {@code limit} at most. */
    public List<Delivery> list(UUID endpointId, Long before, int limit) {
        String sql = "select id, endpoint_id, message_id, event_type, status, attempts, last_status_code, last_duration_ms,"
                + " last_error, case when status in " + OPEN + " then next_attempt_at end, created_at, delivered_at"
                + " from webhook_delivery where endpoint_id = ? and id < ? order by id desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, endpointId);
            query.setLong(2, before == null ? Long.MAX_VALUE : before);
            query.setInt(3, limit);
            List<Delivery> items = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    items.add(delivery(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    public Optional<Delivery> find(UUID endpointId, long id) {
        String sql = "select id, endpoint_id, message_id, event_type, status, attempts, last_status_code, last_duration_ms,"
                + " last_error, case when status in " + OPEN + " then next_attempt_at end, created_at, delivered_at"
                + " from webhook_delivery where endpoint_id = ? and id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, endpointId);
            query.setLong(2, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /**
     * Makes a delivery due now for one more attempt with the same message id, whatever its status (a failed one gets
     * exactly one more attempt; a delivered one is sent again).
     */
    public boolean redeliver(UUID endpointId, long id, Instant now) {
        return update("update webhook_delivery set status = case when status = 'pending' then 'pending' else 'retrying' end,"
                + " next_attempt_at = ? where endpoint_id = ? and id = ?", Timestamp.from(now), endpointId, id) == 1;
    }

    /**
     * Deletes an endpoint's deliveries and health row, in the lock order of {@link #LOCK_ORDER} (before the endpoint
     * itself goes, in the same transaction).
     */
    public void deleteAllOf(UUID endpointId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement lock = c.prepareStatement("select count(*) from (select id from webhook_delivery"
                     + " where endpoint_id = ? order by id for update) d");
             PreparedStatement deleteDeliveries = c.prepareStatement("delete from webhook_delivery where endpoint_id = ?");
             PreparedStatement deleteHealth = c.prepareStatement("delete from webhook_endpoint_health where endpoint_id = ?")) {
            lock.setObject(1, endpointId);
            lock.executeQuery().close();
            deleteDeliveries.setObject(1, endpointId);
            deleteDeliveries.executeUpdate();
            deleteHealth.setObject(1, endpointId);
            deleteHealth.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    /** Deletes up to {@code max} finished deliveries finished before the given times (none in use); how many went. */
    public int deleteFinished(Instant deliveredBefore, Instant failedBefore, int max) {
        return update("delete from webhook_delivery where id in (select id from webhook_delivery"
                        + " where status in ('delivered', 'failed') and coalesce(delivered_at, created_at)"
                        + " < case when status = 'delivered' then cast(? as timestamptz) else cast(? as timestamptz) end"
                        + " order by id limit ? for update skip locked)",
                Timestamp.from(deliveredBefore), Timestamp.from(failedBefore), max);
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccess(e);
        }
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt(7);
        Integer statusCode = rs.wasNull() ? null : code;
        long duration = rs.getLong(8);
        Long durationMs = rs.wasNull() ? null : duration;
        return new Delivery(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), statusCode, durationMs, rs.getString(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A database failure, with the driver's exception as cause (what {@code Failures} classifies). */
    public static final class DataAccess extends RuntimeException {
        public DataAccess(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
