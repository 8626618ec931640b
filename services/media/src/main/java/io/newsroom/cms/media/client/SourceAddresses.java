package io.newsroom.cms.media.client;

import io.newsroom.cms.common.net.PublicAddresses;
import io.newsroom.cms.media.config.MediaConfig;
import io.newsroom.cms.media.domain.ImportRefused;
import io.newsroom.cms.media.domain.ImportRefused.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps imports out of this system's own network (SSRF): the host of every address fetched (the pasted one and each
 * redirect) is looked up, every address it resolves to must be on the public internet (libs/common
 * {@link PublicAddresses}, the rule webhooks follow too) unless {@code cms.media.imports.allow-private-sources}, and
 * the one to connect to is answered, so that the request goes to the address that was checked.
 *
 * <p>A name lookup cannot be given a deadline, so it runs on a thread of its own and is waited for only until the
 * import's deadline: a name server that never answers costs a thread for a while, never the editor's request.
 */
@ApplicationScoped
public class SourceAddresses {
    @Inject
    MediaConfig config;

    private ThreadPoolExecutor lookups;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        lookups = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "media-import-lookup-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        lookups.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }

    /**
     * The address to connect to for {@code host}, every address it resolves to having passed; refused when one is not
     * on the public internet, the name does not exist, or it cannot be looked up before {@code deadline}
     * ({@link System#nanoTime()}).
     */
    public InetAddress approve(String host, long deadline) {
        InetAddress[] addresses = lookUp(host, deadline);
        Optional<String> refusal = PublicAddresses.refusal(host, addresses, config.imports().allowPrivateSources());
        if (refusal.isPresent()) {
            throw new ImportRefused(Reason.NOT_PUBLIC, "points into a private network: " + refusal.get()
                    + ". Pictures are imported from the public internet only");
        }
        return PublicAddresses.preferred(addresses);
    }

    private InetAddress[] lookUp(String host, long deadline) {
        if (PublicAddresses.isLiteral(host)) {
            return resolve(host); // an address: read as it is, nothing to wait for
        }
        Future<InetAddress[]> lookup = lookups.submit(() -> resolve(host));
        try {
            return lookup.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new ImportRefused(Reason.TIMEOUT, "names a host that could not be looked up in time: " + host);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImportRefused refused) {
                throw refused;
            }
            throw new ImportRefused(Reason.UNKNOWN_HOST, "names a host that cannot be looked up: " + host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            throw new ImportRefused(Reason.TIMEOUT, "names a host that could not be looked up in time: " + host);
        }
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new ImportRefused(Reason.UNKNOWN_HOST, "names a host that cannot be found: " + host);
        } catch (SecurityException | IllegalArgumentException e) {
            throw new ImportRefused(Reason.NOT_A_URL, "names a host that is not valid: " + host);
        }
    }
}
