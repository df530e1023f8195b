package capas.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityTest {
    @Test
    void thisProcessIsWhoTheJdkSays() {
        Identity me = Identity.current();

        assertThat(me.uid()).isEqualTo(new com.sun.security.auth.module.UnixSystem().getUid());
        assertThat(me.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(me.root()).isEqualTo(Posix.euid() == 0);
    }
}
