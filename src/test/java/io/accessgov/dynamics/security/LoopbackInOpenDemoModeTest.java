package io.accessgov.dynamics.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/** Which address the server is given, decided without binding one. */
class LoopbackInOpenDemoModeTest {

    @Test
    void openDemoModeWithoutAnAddressListensOnLoopback() {
        TomcatServletWebServerFactory factory = customized(CallerAuthentication.OPEN_DEMO, null);

        assertThat(factory.getAddress()).isNotNull();
        assertThat(factory.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void anAddressSetExplicitlyWinsEvenInOpenDemoMode() throws Exception {
        InetAddress everywhere = InetAddress.getByName("0.0.0.0");

        assertThat(customized(CallerAuthentication.OPEN_DEMO, everywhere).getAddress())
                .isEqualTo(everywhere);
    }

    @Test
    void withAnIssuerOrAgainstARealEnvironmentTheAddressIsLeftAlone() {
        assertThat(customized(CallerAuthentication.JWT, null).getAddress()).isNull();
        assertThat(customized(CallerAuthentication.OPEN_BY_CHOICE, null).getAddress())
                .isNull();
    }

    private static TomcatServletWebServerFactory customized(CallerAuthentication mode, InetAddress address) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        factory.setAddress(address);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("callerAuthentication", mode));
        new LoopbackInOpenDemoMode(beans.getBeanProvider(CallerAuthentication.class)).customize(factory);
        return factory;
    }
}
