/**
 * Support for provider authors: the checks, option parsing and client hash variants that every
 * selector needs, so that third-party selectors behave like the built-in ones.
 *
 * <p>Users of hashring never need this package; they use {@link dev.hashring}.
 */
package dev.hashring.spi;
