package io.spineintake.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same end-to-end scenarios against LocalStack (image pinned: later tags need an auth token),
 * with the runner in --aws mode. Runs in the localstack profile: mvn -Plocalstack -pl local/runner -am verify.
 * Skipped, saying so, where no Docker engine is available.
 */
@Timeout(600)
class LocalStackScenariosIT extends EndToEndScenarios {
    static final String IMAGE = "localstack/localstack:4.14.0";
    static LocalStackContainer localstack;
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.out.println("SKIPPED: LocalStack scenarios need a Docker engine and none is available here;"
                    + " the same scenarios ran against the embedded backends (EmbeddedScenariosTest).");
        }
        Assumptions.assumeTrue(docker, "no Docker engine: LocalStack scenarios skipped");
        localstack = new LocalStackContainer(DockerImageName.parse(IMAGE)).withServices("dynamodb", "sqs");
        localstack.start();
        System.setProperty("AWS_ENDPOINT_URL", localstack.getEndpoint().toString());
        System.setProperty("AWS_REGION", localstack.getRegion());
        System.setProperty("aws.accessKeyId", localstack.getAccessKey());
        System.setProperty("aws.secretAccessKey", localstack.getSecretKey());
        runner = LocalRunner.start("--aws", "--port", "0");
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Override
    String baseUrl() {
        return "http://127.0.0.1:" + runner.port();
    }
}
