package dev.rollgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports that nothing listens on right now, for processes a test starts. They come from 20000-31999, below
 * the kernel's ephemeral range: a port the kernel handed out could be taken by an outgoing connection
 * before the process binds it. (The test command's shell picks from 10000-19999.)
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int COUNT = 12_000;

    private FreePorts() {
    }

    public static int next() {
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST + ThreadLocalRandom.current().nextInt(COUNT);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free port on the loopback address", last);
    }
}
