package com.acme.orders;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/orders")
class OrderController {

    record Order(UUID id, String customerId, long totalCents) {}

    record NewOrder(String customerId, long totalCents) {}

    @GetMapping
    List<Order> list() {
        return List.of();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Order create(@RequestBody NewOrder order) {
        return new Order(UUID.randomUUID(), order.customerId(), order.totalCents());
    }

    @GetMapping("/{orderId}")
    Order get(@PathVariable UUID orderId) {
        return new Order(orderId, "c-1", 0);
    }
}
