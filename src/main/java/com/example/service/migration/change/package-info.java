/**
 * The one facade and template through which every entry point changes the schema: audit, lock,
 * run, translate errors, announce; who asked ({@link com.example.service.migration.change.Actors});
 * and the change in flight that shutdown waits for or cancels. Imports every sub-package but
 * {@code startup} and {@code scaffold}.
 */
package com.example.service.migration.change;

