package io.spineintake.local.runner;

import static io.spineintake.local.backends.template.Template.map;
import static io.spineintake.local.backends.template.Template.properties;

import io.spineintake.local.backends.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the runner needs from template.yaml, read from the file itself so the two cannot drift:
 * each function's handler, timeout and environment, its HttpApi routes (with their authorizer),
 * its SQS event source and its schedule.
 */
final class TemplateFunctions {
    record Route(String method, String path, String functionId, boolean authorized) {
        String routeKey() {
            return method + " " + path;
        }
    }

    record QueueSource(String functionId, String queueLogicalId, int batchSize) {
    }

    record Schedule(String functionId, long everySeconds) {
    }

    record Function(String id, String handlerClass, int timeoutSeconds, Map<String, Object> environment) {
    }

    final Template template;
    final Map<String, Function> functions = new LinkedHashMap<>();
    final List<Route> routes = new ArrayList<>();
    final List<QueueSource> queues = new ArrayList<>();
    final List<Schedule> schedules = new ArrayList<>();

    TemplateFunctions(Template template) {
        this.template = template;
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            Map<String, Object> props = properties(resource);
            String handler = Template.text(props.get("Handler"));
            int timeout = template.functionProperty(resource, "Timeout").map(t -> Integer.parseInt(t.toString())).orElse(3);
            functions.put(id, new Function(id, handler.substring(0, handler.indexOf("::")), timeout,
                    template.functionEnvironment(resource)));
            map(props.get("Events")).forEach((name, e) -> {
                Map<String, Object> event = map(e);
                Map<String, Object> p = map(event.get("Properties"));
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> routes.add(new Route(p.get("Method").toString().toUpperCase(java.util.Locale.ROOT),
                            p.get("Path").toString(), id, !map(p.get("Auth")).isEmpty()));
                    case "SQS" -> queues.add(new QueueSource(id, template.referencedResource(p.get("Queue")).orElseThrow(),
                            Integer.parseInt(String.valueOf(p.getOrDefault("BatchSize", 10)))));
                    case "Schedule", "ScheduleV2" -> schedules.add(new Schedule(id,
                            rateSeconds(resolveParameter(p.get("ScheduleExpression")))));
                    default -> { }
                }
            });
        });
    }

    /** A parameter's default for {Ref: Param}, else the literal. */
    String resolveParameter(Object value) {
        Map<String, Object> m = map(value);
        if (m.get("Ref") instanceof String ref) {
            Object parameter = map(template.root.get("Parameters")).get(ref);
            if (parameter != null) {
                return String.valueOf(map(parameter).get("Default"));
            }
        }
        return Template.text(value);
    }

    /** The logical id a value refers to (Ref or GetAtt), if a resource. */
    Optional<String> resource(Object value) {
        return template.referencedResource(value);
    }

    /** "rate(5 minutes)" -> 300. Cron expressions are not run locally. */
    static long rateSeconds(String expression) {
        Matcher m = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)").matcher(expression.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("only rate(...) schedules run locally, not: " + expression);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "minute", "minutes" -> n * 60;
            case "hour", "hours" -> n * 3600;
            default -> n * 86400;
        };
    }

    /** A resource's name property (TableName, QueueName) with ${AWS::StackName} as {@code stack}. */
    String resourceName(String logicalId, String property, String stack) {
        Object name = properties(template.resource(logicalId)).get(property);
        return Template.text(name).replace("${AWS::StackName}", stack);
    }
}
