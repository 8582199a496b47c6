package com.acme.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderControllerTest {

    @Test
    void a_new_order_gets_an_id() {
        var order = new OrderController().create(new OrderController.NewOrder("c-7", 1999));
        assertThat(order.id()).isNotNull();
        assertThat(order.totalCents()).isEqualTo(1999);
    }
}
