package io.github.camelsd.component;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelsd.component.error.SdTransportException;
import io.github.camelsd.component.error.SdWaitTimeoutException;
import io.github.camelsd.emulator.Fault;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three timeouts, each failing with an exception that says which one fired. */
class SdTimeoutsTest extends SdEmulatorTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("sd", SdComponent.class).setConnectTimeout(300);
        return context;
    }

    @Test
    void connectTimeout() throws Exception {
        // a listener that never accepts, with its backlog filled: the next connection attempt is never answered
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(silent.getLocalSocketAddress(), 100);
                        fillers.add(filler);
                    } catch (java.io.IOException backlogFull) {
                        filler.close();
                        break;
                    }
                }
                SdTransportException e = failure(
                        send("sd:text2img?baseUrl=http://127.0.0.1:" + silent.getLocalPort(), "a"),
                        SdTransportException.class);
                assertSame(SdTransportException.Reason.CONNECT_TIMEOUT, e.getReason(), e.getMessage());
                assertTrue(e.getMessage().contains("connect timeout"), e.getMessage());
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void responseTimeout() {
        emulator.faults().next(Fault.latency(Duration.ofSeconds(2)));
        SdTransportException e = failure(send("sd:text2img?responseTimeout=250", "a"), SdTransportException.class);
        assertSame(SdTransportException.Reason.RESPONSE_TIMEOUT, e.getReason());
        assertTrue(e.getMessage().contains("responseTimeout"), e.getMessage());
    }

    @Test
    void totalWait() {
        emulator.setProcessingTime(Duration.ofMinutes(5));
        SdWaitTimeoutException e = failure(send("sd:text2img?maxWait=300", "a"), SdWaitTimeoutException.class);
        assertTrue(e.getMessage().contains("maxWait"), e.getMessage());
    }
}
