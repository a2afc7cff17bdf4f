/**
 * {@code db migrate -m}: creates the next migration script and its undo script in a source tree.
 * Imports only the root.
 */
package com.example.service.migration.scaffold;
