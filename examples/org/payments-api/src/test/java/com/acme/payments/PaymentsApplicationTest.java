package com.acme.payments;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PaymentsApplicationTest {

    @Test
    void context_loads() {
    }
}
