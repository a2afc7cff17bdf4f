/**
 * The serving instance's migration at start, on a thread of its own. Imports the root, {@code db},
 * {@code lock}, {@code state}, {@code apply} and {@code change}.
 */
package com.example.service.migration.startup;
