package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest(name = "''{0}'' leaves the machine over http to ''{1}''")
    @CsvSource({
        "http://payments.example.com/api,                      payments.example.com",
        "HTTP://Payments.Example.com,                          payments.example.com",
        "'a=http://localhost:8080,b=http://api.acme.io:80/x', api.acme.io",
        "jdbc:postgresql://db.example.com/orders,              ''",
        "https://payments.example.com,                         ''",
        "http://localhost:8080,                                ''",
        "http://127.0.0.1:9090,                                ''",
        "http://[::1]:80,                                      ''",
        "http://0.0.0.0:8080,                                  ''",
        "http://printer.local,                                 ''",
        "http://otel.observability.svc.cluster.local:4318,     ''",
        "http://host.docker.internal:5432,                     ''",
        "http://config-server:8888,                            ''",
        "http://zipkin:9411/api/v2/spans,                      ''",
        "http://orders.payments.svc:8080,                      ''",
        "http://orders.payments.svc.example.com,               orders.payments.svc.example.com",
        "http://2130706433/,                                   2130706433",
        "http://${GATEWAY_HOST}/api,                           ''",
        "http://www.w3.org/2001/XMLSchema-instance,            ''",
    })
    void plain_http_hosts(String value, String host) {
        assertThat(Urls.plainHttpHost(value)).isEqualTo(host);
    }

    @ParameterizedTest(name = "{0} is a documentation link: {1}")
    @CsvSource({"swagger.licenseUrl, true", "swagger.termsOfServiceUrl, true", "springdoc.info.license.url, true",
        "jhipster.api-docs.license-url, true", "api.info.contact.url, true", "info.termsOfService, true", "api.terms-url, true",
        "license-server.url, false", "contact-service.url, false", "payments.base-url, false", "swagger.license, false", "url, false"})
    void documentation_links(String key, boolean expected) {
        assertThat(Urls.isDocumentationLink(key)).isEqualTo(expected);
    }
}
