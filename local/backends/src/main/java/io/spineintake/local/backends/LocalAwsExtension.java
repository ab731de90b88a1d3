package io.spineintake.local.backends;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests real-protocol local AWS backends.
 *
 * <ul>
 *   <li>dynalite and ElasticMQ start ONCE per test JVM (root store; stopped when the JVM's tests
 *       end, and by a shutdown hook), on 127.0.0.1 and ephemeral ports;</li>
 *   <li>each top-level test class gets its own {@link LocalAws}: a freshly provisioned intakes table
 *       and consult queues under a random prefix, with Config/AwsClients pointing at them; they are
 *       deleted when the class ends;</li>
 *   <li>{@link LocalAws} is injected into constructors, lifecycle and test methods.</li>
 * </ul>
 *
 * <pre>{@code
 * @ExtendWith(LocalAwsExtension.class)
 * class MyTest {
 *     @Test
 *     void stores(LocalAws aws) {
 *         var repo = new IntakeRepository(aws.clients(), aws.config().intakesTable());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Test classes run one after another (surefire's default). A test that stops a backend must start
 * it again (in a finally block or @AfterEach).
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        localAws(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return localAws(extensionContext);
    }

    /** The LocalAws of the test class running in {@code context} (nested classes share their outer class's). */
    public static LocalAws localAws(ExtensionContext context) {
        LocalBackends backends = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalBackends.class, k -> LocalBackends.start(), LocalBackends.class);
        ExtensionContext classContext = topLevelClassContext(context);
        String label = classContext.getTestClass().map(Class::getSimpleName).orElse("tests");
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalAws.class, k -> LocalAws.provision(backends, label), LocalAws.class);
    }

    private static ExtensionContext topLevelClassContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getParent().isPresent() && c.getParent().get() != context.getRoot()) {
            c = c.getParent().get();
        }
        return c;
    }
}
