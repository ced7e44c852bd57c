package dev.cwfilter.events.definitions;

import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Node;
import dev.cwfilter.events.EventRuleException;
import dev.cwfilter.events.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the fields of one definition, every error naming the file, the line and the resource. Immutable; one per
 * resource read.
 */
record Fields(String file, String resource) {

    DocumentException error(Node at, String problem) {
        return new DocumentException(file, at == null ? 0 : at.line(), resource + ": " + problem, null);
    }

    DocumentException error(int line, EventRuleException e) {
        return new DocumentException(file, line, e.getMessage(), e);
    }

    /** A string member, if present and not null. */
    Optional<String> text(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null || n instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL) {
            return Optional.empty();
        }
        if (!(n instanceof Node.Scalar s) || s.type() != Node.ScalarType.STRING) {
            throw error(n, key + " must be a string, not " + n.kind());
        }
        return Optional.of(s.text());
    }

    String required(Node.Mapping m, String key) {
        return text(m, key).orElseThrow(() -> error(m, key + " is missing"));
    }

    /** A mapping of strings to strings. */
    Map<String, String> strings(Node n, String what) {
        if (!(n instanceof Node.Mapping m)) {
            throw error(n, what + " must be a mapping of names to JSON paths, not " + n.kind());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Node.Member member : m.members()) {
            if (!(member.value() instanceof Node.Scalar s) || s.type() != Node.ScalarType.STRING) {
                throw error(member.value(), what + "." + member.key() + " must be a string path, not "
                        + member.value().kind());
            }
            out.put(member.key(), s.text());
        }
        return out;
    }

    /**
     * A target of the AWS API's shape ({@code Id}, {@code Arn}, {@code Input}, {@code InputPath},
     * {@code InputTransformer}), its values read by {@code value} (plain text, or CloudFormation's resolver).
     */
    Target apiTarget(Node n, Function<Node, String> value, Function<Node, String> arn) {
        if (!(n instanceof Node.Mapping t)) {
            throw error(n, "a target is a mapping with Id and Arn, not " + n.kind());
        }
        Node id = t.get("Id");
        Node arnNode = t.get("Arn");
        if (id == null) {
            throw error(t, "a target has no Id");
        }
        if (arnNode == null) {
            throw error(t, "target " + value.apply(id) + " has no Arn");
        }
        String targetId = value.apply(id);
        Target target = Target.of(targetId, arn.apply(arnNode));
        int inputs = (t.get("Input") != null ? 1 : 0) + (t.get("InputPath") != null ? 1 : 0)
                + (t.get("InputTransformer") != null ? 1 : 0);
        if (inputs > 1) {
            // EventBridge's own words (ValidationException of PutTargets).
            throw error(t, "Only one of Input, InputPath, or InputTransformer must be provided for target "
                    + targetId + ".");
        }
        if (t.get("Input") != null) {
            return target.withInput(value.apply(t.get("Input")));
        }
        if (t.get("InputPath") != null) {
            return target.withInputPath(value.apply(t.get("InputPath")));
        }
        if (t.get("InputTransformer") != null) {
            if (!(t.get("InputTransformer") instanceof Node.Mapping tr)) {
                throw error(t.get("InputTransformer"), "target " + targetId + ": InputTransformer must be a"
                        + " mapping with InputPathsMap and InputTemplate");
            }
            Node template = tr.get("InputTemplate");
            if (template == null) {
                throw error(tr, "target " + targetId + ": InputTransformer has no InputTemplate");
            }
            Map<String, String> paths = new LinkedHashMap<>();
            if (tr.get("InputPathsMap") instanceof Node.Mapping m) {
                for (Node.Member member : m.members()) {
                    paths.put(member.key(), value.apply(member.value()));
                }
            } else if (tr.get("InputPathsMap") != null) {
                throw error(tr.get("InputPathsMap"), "target " + targetId + ": InputPathsMap must be a mapping");
            }
            return target.withInputTransformer(paths, value.apply(template));
        }
        return target;
    }
}
