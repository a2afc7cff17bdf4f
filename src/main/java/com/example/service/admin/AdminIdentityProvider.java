package com.example.service.admin;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.example.service.config.RunMode;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks HTTP Basic credentials against the accounts of {@link AdminAccessConfig}. The names come
 * from the environment, so no static user store fits. Both name and password are compared as
 * SHA-256 digests in constant time, so neither a match's position nor a length leaks through timing.
 */
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(AdminIdentityProvider.class);

    /** A configured account; only digests are kept. */
    private record Account(String user, byte[] userDigest, byte[] passwordDigest, String role) {
    }

    private final List<Account> accounts;
    private final RunMode runMode;

    AdminIdentityProvider(AdminAccessConfig config, RunMode runMode) {
        this.runMode = runMode;
        List<Account> configured = new ArrayList<>();
        account(config.user(), config.password(), Roles.ADMIN, "ADMIN").ifPresent(configured::add);
        account(config.viewerUser(), config.viewerPassword(), Roles.VIEWER, "VIEWER").ifPresent(configured::add);
        this.accounts = List.copyOf(configured);
    }

    void announce(@Observes StartupEvent event) {
        if (!runMode.serving()) {
            return;
        }
        if (accounts.isEmpty()) {
            LOG.warn("No admin API credentials configured (ADMIN_USER/ADMIN_PASSWORD, VIEWER_USER/VIEWER_PASSWORD): "
                    + "every /admin request is refused with 401");
        } else {
            LOG.infof("Admin API accounts: %s", accounts.stream().map(a -> a.user() + " (" + a.role() + ")")
                    .collect(Collectors.joining(", ")));
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        byte[] user = sha256(StandardCharsets.UTF_8.encode(request.getUsername()));
        byte[] password = sha256(StandardCharsets.UTF_8.encode(CharBuffer.wrap(request.getPassword().getPassword())));
        Set<String> roles = accounts.stream()
                // & rather than &&: both comparisons always run.
                .filter(a -> MessageDigest.isEqual(a.userDigest(), user) & MessageDigest.isEqual(a.passwordDigest(), password))
                .map(Account::role)
                .collect(Collectors.toSet());
        if (roles.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("wrong user name or password"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(request.getUsername()))
                .addRoles(roles)
                .build());
    }

    private static Optional<Account> account(Optional<String> user, Optional<String> password, String role, String prefix) {
        if (user.isPresent() != password.isPresent()) {
            LOG.warnf("%s_USER and %s_PASSWORD must be set together; the %s account is disabled", prefix, prefix, role);
            return Optional.empty();
        }
        return user.map(u -> new Account(u, sha256(StandardCharsets.UTF_8.encode(u)),
                sha256(StandardCharsets.UTF_8.encode(password.get())), role));
    }

    private static byte[] sha256(ByteBuffer bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
