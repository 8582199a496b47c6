package com.acme;
public class Lib {}
