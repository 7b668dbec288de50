package io.weft.server.api.cloudstack;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.weft.server.http.HttpConfig;
import io.weft.server.http.HttpRoute;

/**
 * The CloudStack-compatible API at {@code http.cloudStackPath}, with its first command, {@code
 * listCapabilities}. Other features add commands with {@link CloudStackCommands#bind}, and may
 * replace the {@link ParameterValidator} and the {@link AsyncJobService}.
 */
public final class CloudStackApiModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CloudStackAuthenticator.class).in(Scopes.SINGLETON);
        bind(CommandRegistry.class).in(Scopes.SINGLETON);
        bind(CloudStackCommandRouter.class).in(Scopes.SINGLETON);
        bind(CloudStackHttpHandler.class).in(Scopes.SINGLETON);
        OptionalBinder.newOptionalBinder(binder(), ParameterValidator.class)
                .setDefault()
                .toInstance(ParameterValidator.acceptAll());
        OptionalBinder.newOptionalBinder(binder(), AsyncJobService.class)
                .setDefault()
                .to(UnavailableAsyncJobService.class);
        CloudStackCommands.bind(binder()).addBinding().to(ListCapabilitiesCommand.class);
    }

    @ProvidesIntoSet
    HttpRoute cloudStackRoute(HttpConfig config, CloudStackHttpHandler handler) {
        return new HttpRoute(config.cloudStackPath(), "cloudstack", handler);
    }
}
