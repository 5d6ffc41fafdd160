package io.accessgov.dynamics.security;

import java.net.InetAddress;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * A safe demo default: in open demo mode (the simulator, no issuer of callers' tokens) the API answers anyone who
 * can reach it, so unless {@code server.address} ({@code SERVER_ADDRESS}) says otherwise the service listens on
 * 127.0.0.1 only. The container image sets {@code SERVER_ADDRESS=0.0.0.0}, where the container's network is the
 * boundary. Runs after Spring Boot's own customizer, so an address set in any way wins.
 */
@Slf4j
@Component
class LoopbackInOpenDemoMode implements WebServerFactoryCustomizer<AbstractConfigurableWebServerFactory>, Ordered {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ObjectProvider<CallerAuthentication> callers;

    LoopbackInOpenDemoMode(ObjectProvider<CallerAuthentication> callers) {
        this.callers = callers;
    }

    @Override
    public void customize(AbstractConfigurableWebServerFactory factory) {
        if (factory.getAddress() == null && callers.getObject() == CallerAuthentication.OPEN_DEMO) {
            factory.setAddress(InetAddress.getLoopbackAddress());
            log.warn(
                    "Demo mode without an issuer of callers' tokens: listening on {} only. Set SERVER_ADDRESS"
                            + " (e.g. 0.0.0.0) to be reachable from elsewhere.",
                    InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
