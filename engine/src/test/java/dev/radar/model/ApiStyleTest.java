package dev.radar.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiStyleTest {

    @ParameterizedTest(name = "{0} is a version segment: {1}")
    @CsvSource({"v1, true", "v2beta1, true", "V3, true", "v1.2, true", "{apiVersion}, true", "version, false", "vip, false",
        "{id}, false", "orders, false", "2.0, true", "1.0.3, true", "2, false", "openapi.json, false", "v{version}, true",
        "V{api-version}, true", "v{id}x, false", "vendors, false"})
    void version_segments(String segment, boolean expected) {
        assertThat(ApiStyle.isVersionSegment(segment)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is kebab-case: {1}")
    @CsvSource({"orders, true", "order-items, true", "{orderItemId}, true", "file-{name}.json, true", "openapi.json, true",
        ".well-known, true", "{project}:undelete, true", "orders:cancel, true", "orders:batchGet, false", "order_items:cancel, false",
        "orderItems, false", "order_items, false", "Orders, false", "findByStatus, false", "order--items, false"})
    void kebab_case(String segment, boolean expected) {
        assertThat(ApiStyle.isKebabCase(segment)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} starts with the verb ''{1}''")
    @CsvSource(nullValues = "-", value = {"getOrders, get", "findByTags, find", "create, create", "uploadImage, upload",
        "get-all-users, get", "get-orders, get", "upload-sessions, ''", "change-requests, ''", "settings, ''", "orders, ''", "listings, ''", "search, ''", "login, ''"})
    void verbs(String segment, String verb) {
        assertThat(ApiStyle.verbOf(segment)).isEqualTo(verb);
    }

    @ParameterizedTest(name = "{0} is plural: {1}")
    @CsvSource({"orders, true", "order-items, true", "categories, true", "people, true", "data, true", "order, false",
        "status, false", "address, false", "analysis, false", "pet, false", "orderItem, false"})
    void plurals(String segment, boolean expected) {
        assertThat(ApiStyle.isPlural(segment)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({"pet, pets", "category, categories", "address, addresses", "box, boxes", "key, keys"})
    void plural_suggestions(String segment, String plural) {
        assertThat(ApiStyle.pluralOf(segment)).isEqualTo(plural);
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({"findByStatus, find-by-status", "order_items, order-items", "HTTPStatus, httpstatus", "file{id}Name, file{id}name",
        "orders:batchGet, orders:batch-get"})
    void kebab_suggestions(String segment, String kebab) {
        assertThat(ApiStyle.kebabOf(segment)).isEqualTo(kebab);
    }

    @ParameterizedTest(name = "{0} is versioned: {1}")
    @CsvSource({"/v1/orders, true", "/2.0/users, true", "/orders, false", "/.well-known/openid-configuration, true",
        "/docs/.well-known, false", "/api/v{version}/Currencies/rate/supported, true"})
    void versioned_paths(String path, boolean expected) {
        assertThat(new ApiPath(path, 1).versioned()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: singular collections [{1}]")
    @CsvSource({"/pet/{petId}, pet", "/orders/{id}/item/{itemId}, item", "/v1/{version}/orders, ''", "/orders/{id}, ''",
        "/store/inventory, ''", "/users/{id}/profile, ''", "/api/{version}/models, ''", "/api/{apiVersion}/model/{id}, model",
        "/api/{api-version}/orders, ''", "/document/{versionId}, document", "/package/{packageVersion}, package"})
    void singular_collections(String path, String expected) {
        assertThat(String.join(",", new ApiPath(path, 1).singularCollections())).isEqualTo(expected);
    }
}
