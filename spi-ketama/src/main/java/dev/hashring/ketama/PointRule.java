package dev.hashring.ketama;

/**
 * How one ring's points are made: how many each server gets, and how each is hashed.
 *
 * @param count the number of points per server
 * @param hash how the text of a point becomes its value
 */
record PointRule(PointCount count, PointHash hash) {}
