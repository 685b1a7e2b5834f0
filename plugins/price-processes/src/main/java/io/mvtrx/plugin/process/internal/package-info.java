/** The process models behind the providers: stepped update clock, fBm by Hosking's method, Poisson draws, CSV series. */
package io.mvtrx.plugin.process.internal;
