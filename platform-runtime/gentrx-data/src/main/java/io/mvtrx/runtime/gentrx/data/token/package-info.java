/** Per-field binning of training rows into model tokens plus conditioning inputs. */
package io.mvtrx.runtime.gentrx.data.token;
