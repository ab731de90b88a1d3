package io.spineintake.local.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.spineintake.platform.AwsClients;
import io.spineintake.platform.Config;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** dynalite on its own (without the extension): ports, restarts and data directories. */
class DynaliteTest {

    private static AwsClients clientsFor(Dynalite dynalite) {
        return AwsClients.create(Config.of(Map.of(
                "AWS_REGION", LocalAws.REGION,
                "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString())), LocalAws.CREDENTIALS);
    }

    @Test
    void listensOnLoopbackOnAnEphemeralPortAndServesTheSdk() {
        try (Dynalite dynalite = Dynalite.launch(); AwsClients clients = clientsFor(dynalite)) {
            assertThat(dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(dynalite.port()).isPositive().isNotEqualTo(4567);

            DynamoDbClient ddb = clients.dynamoDb();
            String table = Provisioning.createTable(ddb, Provisioning.intakesTable("dynalite-test"));
            ddb.putItem(r -> r.tableName(table).item(Map.of("intakeId", AttributeValue.fromS("a"), "x", AttributeValue.fromN("1"))));

            assertThat(ddb.getItem(r -> r.tableName(table).key(Map.of("intakeId", AttributeValue.fromS("a"))).consistentRead(true))
                    .item()).containsEntry("x", AttributeValue.fromN("1"));
        }
    }

    @Test
    void restartsOnTheSamePortAndLosesInMemoryData() {
        try (Dynalite dynalite = Dynalite.launch(); AwsClients clients = clientsFor(dynalite)) {
            int port = dynalite.port();
            String table = Provisioning.createTable(clients.dynamoDb(), Provisioning.intakesTable("mem"));

            dynalite.stop();
            assertThat(dynalite.isRunning()).isFalse();
            assertThat(accepts(port)).isFalse();
            dynalite.start();

            assertThat(dynalite.port()).isEqualTo(port);
            assertThatThrownBy(() -> clients.dynamoDb().describeTable(r -> r.tableName(table)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void dataDirectoryKeepsDataAcrossRestarts(@TempDir Path data) {
        try (Dynalite dynalite = Dynalite.launch(data); AwsClients clients = clientsFor(dynalite)) {
            String table = Provisioning.createTable(clients.dynamoDb(), Provisioning.intakesTable("disk"));
            clients.dynamoDb().putItem(r -> r.tableName(table).item(Map.of("intakeId", AttributeValue.fromS("kept"))));

            dynalite.stop();
            dynalite.start();

            assertThat(clients.dynamoDb().getItem(r -> r.tableName(table)
                    .key(Map.of("intakeId", AttributeValue.fromS("kept"))).consistentRead(true)).hasItem()).isTrue();
        }
    }

    @Test
    void stoppedDynaliteRefusesConnections() {
        try (Dynalite dynalite = Dynalite.launch(); AwsClients clients = clientsFor(dynalite)) {
            dynalite.stop();

            assertThatThrownBy(() -> clients.dynamoDb().listTables()).isInstanceOf(SdkClientException.class);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
