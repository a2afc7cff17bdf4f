package com.example.service.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Which reactive-client failures the item API answers with 503 rather than 500. Refused, closed and
 * hanging connections are shown end to end by DatabaseOutageIT; the server's error states are
 * here, because a superuser (what the tests connect as) is exempt from the limits that cause them.
 */
class ConnectionFailureTest {

    @Test
    void transportFailuresAnywhereInTheCauseChainAreConnectionFailures() {
        assertThat(ItemRepository.isConnectionFailure(new ConnectException("Connection refused"))).isTrue();
        assertThat(ItemRepository.isConnectionFailure(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(ItemRepository.isConnectionFailure(
                new CompletionException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void theServersCannotServeNowStatesAreConnectionFailures() {
        for (String state : new String[] { "08006", "53300", "57P01", "57P03" }) {
            assertThat(ItemRepository.isConnectionFailure(pg(state))).as(state).isTrue();
        }
    }

    @Test
    void queriesTheServerRejectedAndOtherFailuresAreNot() {
        for (String state : new String[] { "42P01", "23505", "22P02", "57014" }) {
            assertThat(ItemRepository.isConnectionFailure(pg(state))).as(state).isFalse();
        }
        assertThat(ItemRepository.isConnectionFailure(new VertxException("Pool closed", true))).isFalse();
        assertThat(ItemRepository.isConnectionFailure(new IllegalArgumentException("bad tuple"))).isFalse();
    }

    private static PgException pg(String sqlState) {
        return new PgException("server said " + sqlState, "ERROR", sqlState, null);
    }
}
