package com.acme; class ClientTest {}
