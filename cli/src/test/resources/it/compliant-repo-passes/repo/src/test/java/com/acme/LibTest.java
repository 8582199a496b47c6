package com.acme;

class LibTest {}
