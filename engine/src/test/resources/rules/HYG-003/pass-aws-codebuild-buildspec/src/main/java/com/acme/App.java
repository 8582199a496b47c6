package com.acme; class App {}
