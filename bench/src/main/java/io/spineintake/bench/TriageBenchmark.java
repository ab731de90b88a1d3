package io.spineintake.bench;

import io.spineintake.triage.TriageEngine;
import io.spineintake.triage.assess.Assessment;
import io.spineintake.triage.form.FormContract;
import io.spineintake.triage.form.FormReading;
import io.spineintake.triage.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + validate + assess of a typical complete lumbar form, on one thread: what
 * SubmitIntake does on the CPU for each request before it writes to DynamoDB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class TriageBenchmark {
    private static final Instant RECEIVED = Instant.parse("2026-11-27T09:00:00Z");

    private FormContract contract;
    private TriageEngine engine;
    private byte[] typicalForm;
    private FormReading read;

    @Setup
    public void setUp() throws IOException {
        contract = FormContract.load();
        engine = new TriageEngine(RuleSet.bundled());
        try (InputStream in = TriageBenchmark.class.getResourceAsStream("/io/spineintake/submit/priming-form.json")) {
            typicalForm = in.readAllBytes();
        }
        read = contract.read(typicalForm);
        if (!read.isValid()) {
            throw new IllegalStateException("typical form is invalid: " + read.violations());
        }
    }

    @Benchmark
    public Assessment parseValidateAssess() {
        FormReading reading = contract.read(typicalForm);
        return engine.assess(reading.form(), RECEIVED);
    }

    @Benchmark
    public FormReading parseAndValidate() {
        return contract.read(typicalForm);
    }

    @Benchmark
    public Assessment assessOnly() {
        return engine.assess(read.form(), RECEIVED);
    }
}
