package io.github.camelsd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The client ends of the TCP connections to one local port, read from the kernel's tables (Linux: /proc/net/tcp and
 * tcp6). A closed connection stays listed for a minute in TIME_WAIT, so the difference of two readings a few seconds
 * apart is the connections opened in between.
 */
final class ClientConnections {

    private ClientConnections() {
    }

    /** The local ports of this machine's connections to {@code serverPort}, in any state; empty where not Linux. */
    static Set<Integer> to(int serverPort) {
        Set<Integer> clientPorts = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length < 3 || !columns[1].contains(":")) {
                        continue; // the header
                    }
                    int local = port(columns[1]);
                    int remote = port(columns[2]);
                    if (remote == serverPort && local != serverPort) {
                        clientPorts.add(local);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or a table that is not there: nothing counted
            }
        }
        return clientPorts;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
