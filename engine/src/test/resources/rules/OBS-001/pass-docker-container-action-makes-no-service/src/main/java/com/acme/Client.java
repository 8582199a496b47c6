package com.acme; public class Client {}
