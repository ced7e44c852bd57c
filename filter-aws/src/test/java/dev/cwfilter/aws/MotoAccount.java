package dev.cwfilter.aws;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's way to the shared {@code moto_server}: a {@link LocalAws} proxy in front of it and {@link AwsClients}
 * (us-east-1, moto's credentials) through the proxy, opened before the class's tests and closed after them. Register
 * it as {@code @RegisterExtension static final MotoAccount MOTO = new MotoAccount();}.
 */
final class MotoAccount implements BeforeAllCallback, AfterAllCallback {

    private LocalAws proxy;
    private AwsClients aws;

    @Override
    public void beforeAll(ExtensionContext context) {
        proxy = LocalAws.shared();
        aws = AwsClients.builder().endpoint(proxy.endpoint()).region("us-east-1").credentials(Moto.CREDENTIALS)
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        aws.close();
        proxy.close();
    }

    /** The clients, through the proxy. */
    AwsClients aws() {
        return aws;
    }

    /** The proxy: its calls, its log, and faults to inject. */
    LocalAws proxy() {
        return proxy;
    }
}
