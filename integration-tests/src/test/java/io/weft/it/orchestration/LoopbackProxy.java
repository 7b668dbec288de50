package io.weft.it.orchestration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a loopback port in front of a server on another loopback port, which can be cut
 * (the listener closed and every relayed connection reset, as when a link to the database goes
 * down) and restored on the same port. The server behind it sees its clients vanish; the clients
 * see their connections die and new ones refused until {@link #restore()}.
 */
final class LoopbackProxy implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    private LoopbackProxy(int targetPort, ServerSocket listener) {
        this.targetPort = targetPort;
        this.listener = listener;
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** Relays from a free loopback port to {@code targetPort}. */
    static LoopbackProxy to(int targetPort) throws IOException {
        return new LoopbackProxy(targetPort, listen(0));
    }

    int port() {
        return port;
    }

    /** Refuses new connections and resets every open one. */
    synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        sockets.forEach(LoopbackProxy::closeQuietly);
        sockets.clear();
    }

    /** Listens again on the same port. */
    synchronized void restore() throws IOException {
        if (listener == null) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public void close() {
        cut();
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true); // the port comes back while old connections sit in TIME_WAIT
        socket.bind(new InetSocketAddress(LOOPBACK, port));
        return socket;
    }

    private void accept(ServerSocket from) {
        start("db-proxy-accept", () -> {
            while (!from.isClosed()) {
                try {
                    Socket client = from.accept();
                    Socket server = new Socket(LOOPBACK, targetPort);
                    sockets.add(client);
                    sockets.add(server);
                    start("db-proxy-up", () -> pump(client, server));
                    start("db-proxy-down", () -> pump(server, client));
                } catch (IOException e) {
                    return; // listener closed by cut()
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // cut, or one side went away: the other side sees the connection die
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(
                () -> {
                    try {
                        body.run();
                    } finally {
                        threads.remove(Thread.currentThread());
                    }
                },
                name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
