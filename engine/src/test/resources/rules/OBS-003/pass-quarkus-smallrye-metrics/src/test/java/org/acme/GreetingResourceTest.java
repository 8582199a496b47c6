package org.acme; class GreetingResourceTest {}
