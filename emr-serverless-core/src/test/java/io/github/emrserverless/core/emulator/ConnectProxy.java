package io.github.emrserverless.core.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTTP proxy for tests that tunnels {@code CONNECT host:port} when it carries the Basic credentials it
 * requires (else 407 with a challenge, on the same connection), and resolves host names only it knows: a
 * client can reach such a host through the proxy and no other way. It records every request it is sent.
 */
public final class ConnectProxy implements AutoCloseable {

    /** A request the proxy received: its request line and its Proxy-Authorization header ("" when absent). */
    public record Received(String requestLine, String proxyAuthorization) {}

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final Map<String, InetSocketAddress> hosts;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    private ConnectProxy(ServerSocket server, String expectedAuthorization, Map<String, InetSocketAddress> hosts) {
        this.server = server;
        this.expectedAuthorization = expectedAuthorization;
        this.hosts = hosts;
    }

    /** @param hosts the names only this proxy resolves, and where they lead */
    public static ConnectProxy start(String username, String password, Map<String, InetSocketAddress> hosts)
            throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ConnectProxy proxy = new ConnectProxy(
                server,
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)),
                hosts);
        Thread acceptor = new Thread(proxy::accept, "connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> serve(client), "connect-proxy-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String requestLine = head.get(0);
                String authorization = head.stream()
                        .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse("");
                received.add(new Received(requestLine, authorization));
                String[] parts = requestLine.split(" ");
                if (!parts[0].equals("CONNECT")) {
                    write(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }
                if (!expectedAuthorization.equals(authorization)) {
                    write(
                            out,
                            "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                                    + "Content-Length: 0\r\n\r\n");
                    continue;
                }
                String host = parts[1].substring(0, parts[1].lastIndexOf(':'));
                InetSocketAddress target = hosts.get(host);
                if (target == null) {
                    write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }
                try (Socket upstream = new Socket(target.getAddress(), target.getPort())) {
                    write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
                    Thread back = new Thread(() -> pipe(upstream, client), "connect-proxy-back");
                    back.setDaemon(true);
                    back.start();
                    pipe(client, upstream);
                    back.join(5000);
                }
                return;
            }
        } catch (IOException | InterruptedException e) {
            // The client went away.
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    /** Copies one side's bytes to the other until the first ends, then half-closes the other where it can. */
    static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException ended) {
            // One side closed (an SSLSocket cannot half-close: it is closed with its connection).
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
