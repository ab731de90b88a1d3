package io.spineintake.submit;

import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.local.backends.LocalAws;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.intakes.IntakeRecord;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.platform.intakes.IntakeRepository;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.triage.TriageEngine;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.triage.form.FormContract;
import io.spineintake.platform.consult.ConsultQueuePublisher;
import io.spineintake.platform.consult.IntakeRouter;
import io.spineintake.triage.rules.RuleSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The handler wired to a test class's table, and reads of that table. */
final class Intakes {

    static final String FUNCTION_NAME = "SubmitIntakeFunction";

    private Intakes() {
    }

    /** The real handler, as Lambda builds it, on this test class's intakes table in dynalite. */
    static SubmitIntakeHandler handler(LocalAws aws) {
        IntakeRepository intakes = new IntakeRepository(aws.clients(), aws.intakesTable());
        return new SubmitIntakeHandler(new IntakeSubmission(intakes,
                new IntakeRouter(intakes, new ConsultQueuePublisher(aws.clients(), aws.consultQueueUrl())),
                FormContract.load(), new TriageEngine(RuleSet.bundled()), io.spineintake.platform.Config.of(java.util.Map.of()), Clock.systemUTC()));
    }

    static IntakeRepository repository(LocalAws aws) {
        return new IntakeRepository(aws.clients(), aws.intakesTable());
    }

    /** How many items the table holds: a consistent Scan with Select COUNT, every page. */
    static int count(LocalAws aws) {
        int count = 0;
        for (ScanResponse page : aws.clients().dynamoDb().scanPaginator(ScanRequest.builder()
                .tableName(aws.intakesTable())
                .select(Select.COUNT)
                .consistentRead(true)
                .build())) {
            count += page.count();
        }
        return count;
    }

    /** Every item, as the SDK returns it (attribute names and values, nothing mapped). */
    static List<Map<String, AttributeValue>> rawItems(LocalAws aws) {
        return aws.clients().dynamoDb().scanPaginator(ScanRequest.builder()
                        .tableName(aws.intakesTable())
                        .consistentRead(true)
                        .build())
                .items().stream().toList();
    }

    /** Every item, mapped. */
    static List<IntakeRecord> all(LocalAws aws) {
        return aws.clients().dynamoDbEnhanced().table(aws.intakesTable(), IntakeRecord.TABLE_SCHEMA)
                .scan(r -> r.consistentRead(true)).items().stream().toList();
    }
}
