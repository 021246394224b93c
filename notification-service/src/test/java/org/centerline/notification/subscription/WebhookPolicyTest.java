package org.centerline.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.centerline.notification.NotificationProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No webhook reaches into this service's own networks, however the address is written, unless a setting names the host. */
class WebhookPolicyTest {

    private static WebhookPolicy allowing(String... hosts) {
        return new WebhookPolicy(new NotificationProperties(List.of(hosts), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofHours(24), null, null, Duration.ofDays(30)));
    }

    private final WebhookPolicy policy = allowing();

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://2130706433/hook",
            "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0/hook", "http://[::]/hook",
            "http://10.20.30.40/hook", "http://172.16.5.4/hook", "http://172.31.255.1/hook", "http://192.168.1.10/hook",
            "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/hook", "http://198.18.0.1/hook",
            "http://224.0.0.1/hook", "http://255.255.255.255/hook", "http://192.0.2.10/hook",
            "http://[fd12:3456::1]/hook", "http://[fe80::1]/hook", "http://[ff02::1]/hook", "http://[2001:db8::1]/hook",
            "http://[64:ff9b::a9fe:a9fe]/hook", "http://[2002:7f00:1::1]/hook",
            "https://no-such-host.invalid/hook"})
    void internalAndUnknownHostsAreRefused(String url) {
        assertThat(policy.refuse(url)).hasValueSatisfying(why -> assertThat(why).contains("public addresses only"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/hook", "http://93.184.215.14:8443/centerline", "https://[2606:4700:4700::1111]/hook",
            "http://[64:ff9b::808:808]/hook", "http://172.32.0.1/hook", "http://100.128.0.1/hook"})
    void publicAddressesAreTaken(String url) {
        assertThat(policy.refuse(url)).isEmpty();
    }

    @Test
    void theRefusalDoesNotTellWhereAnInternalNameLeads() {
        assertThat(policy.refuse("http://localhost:9999/hook")).hasValueSatisfying(why ->
                assertThat(why).contains("'localhost'").doesNotContain("127.0.0.1"));
    }

    @Test
    void aHostTheSettingNamesIsTakenAlthoughInternalAndOnlyThatHost() {
        WebhookPolicy local = allowing("127.0.0.1", "::1");
        assertThat(local.refuse("http://127.0.0.1:9999/hook")).isEmpty();
        assertThat(local.refuse("http://[::1]:9999/hook")).isEmpty();
        assertThat(local.refuse("http://localhost:9999/hook")).isPresent();
        assertThat(local.refuse("http://10.0.0.1/hook")).isPresent();
    }

    @Test
    void otherSchemesUserInfoAndNonUrlsAreRefused() {
        assertThat(policy.refuse("ftp://8.8.8.8/hook")).hasValue("webhook.url must be http or https.");
        assertThat(policy.refuse("file:///etc/passwd")).hasValue("webhook.url must be http or https.");
        assertThat(policy.refuse("http://user:pw@8.8.8.8/hook")).hasValue("webhook.url must name a host and no user info.");
        assertThat(policy.refuse("http://exa mple.com/")).hasValue("webhook.url is not a URL.");
        assertThat(policy.refuse("http://127.1/hook")).as("not a host name to java.net.URI").isPresent();
    }
}
