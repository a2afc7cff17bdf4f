package com.example.service.migration.lint;

/** How Flyway runs a script's statements. */
enum TransactionMode {

    /** All in one transaction: Flyway's default. */
    ONE_TRANSACTION,

    /** All in one transaction, because its {@code .sql.conf} says {@code executeInTransaction=true}. */
    DECLARED_ONE_TRANSACTION,

    /** Each statement on its own ({@code executeInTransaction=false}, or only statements that cannot run in a transaction). */
    EACH_STATEMENT,

    /** Not at all: the script mixes statements that need a transaction with ones that cannot run in one. */
    REFUSED_MIXED
}
