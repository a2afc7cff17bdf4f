package com.example.service.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between the service and PostgreSQL that a test can cut and restore, to play a
 * database outage without touching the server other tests use. It counts what it forwards, so a
 * test can also show that something does not talk to the database at all.
 */
public final class TcpProxy implements AutoCloseable {

    /** How new connections fare while the proxy is cut. */
    public enum Cut {
        /** Nothing listens: connecting fails at once (the database host is up, PostgreSQL is not). */
        REFUSE,
        /**
         * Connections are accepted and never answered, like a sidecar proxy whose backend vanished
         * or a server too overloaded to reply. They stay hanging after {@link #restore()}.
         */
        BLACKHOLE,
        /**
         * A network partition without resets: forwarded connections stay open but carry nothing
         * until {@link #restore()}, when what was sent meanwhile goes through; new connections are
         * blackholed.
         */
        FREEZE
    }

    private final InetSocketAddress target;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> forwarding = ConcurrentHashMap.newKeySet();
    private final Set<Socket> blackholed = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile ServerSocket server;
    private volatile Cut cut;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** A proxy on a free local port forwarding to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    /** A proxy to the test PostgreSQL server. */
    public static TcpProxy toPostgres() {
        PostgresServer server = PostgresServer.get();
        return to(server.host(), server.port());
    }

    public int port() {
        return port;
    }

    /** Bytes forwarded so far, both directions. */
    public long bytes() {
        return bytes.get();
    }

    /** Connections accepted so far, forwarded or not. */
    public long connections() {
        return connections.get();
    }

    /**
     * Closes every forwarded connection (or, for {@link Cut#FREEZE}, stops carrying their bytes);
     * new ones are refused or blackholed until {@link #restore()}.
     */
    public synchronized void cut(Cut how) {
        cut = how;
        if (how == Cut.REFUSE) {
            closeQuietly(server);
        }
        if (how != Cut.FREEZE) {
            forwarding.forEach(TcpProxy::closeQuietly);
        }
    }

    /** Forwards again; connections blackholed meanwhile keep hanging. */
    public synchronized void restore() {
        if (cut == Cut.REFUSE) {
            server = listen(port);
            accept(server);
        }
        cut = null;
        notifyAll();
    }

    private synchronized void awaitThaw() throws InterruptedException {
        while (cut == Cut.FREEZE) {
            wait();
        }
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("the proxy could not listen on port " + port, e);
        }
    }

    private void accept(ServerSocket listening) {
        threads.execute(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    connections.incrementAndGet();
                    if (cut == Cut.BLACKHOLE || cut == Cut.FREEZE) {
                        blackholed.add(client);
                    } else {
                        threads.execute(() -> forward(client));
                    }
                } catch (IOException e) {
                    // closed by cut(REFUSE) or close()
                }
            }
        });
    }

    private void forward(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 2000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        forwarding.add(client);
        forwarding.add(upstream);
        threads.execute(() -> pump(client, upstream));
        threads.execute(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                awaitThaw();
                out.write(buffer, 0, n);
                out.flush();
                bytes.addAndGet(n);
            }
        } catch (IOException e) {
            // the other side or cut() closed the connection: the normal way out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            forwarding.remove(from);
            forwarding.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        forwarding.forEach(TcpProxy::closeQuietly);
        blackholed.forEach(TcpProxy::closeQuietly);
        threads.shutdownNow();
    }
}
